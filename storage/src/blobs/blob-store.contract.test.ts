import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpError } from '@mytoutatice/server-kit';
import { BlobMissingError, HEAD_BYTES, type BlobStore } from './blob-store.ts';
import { FsBlobStore } from './fs-blob-store.ts';
import { S3BlobStore } from './s3-blob-store.ts';
import { startS3TestServer } from '../../test/blobs/s3-test-server.ts';

const MIB = 1024 * 1024;

interface StoreUnderTest {
  store: BlobStore;
  /** What a failed write could have left outside the blobs: temp files, pending multipart uploads. */
  leftovers(instanceId: string): Promise<string[]>;
  /** Whether blobs are files a process on the same machine may read. */
  localFiles: boolean;
  close(): Promise<void>;
}

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function allKeys(store: BlobStore, instanceId: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const key of store.keys(instanceId)) keys.push(key);
  return keys.sort();
}

/** `bytes` in chunks of `chunkSize`, as a request body would arrive. */
function bodyOf(bytes: Buffer, chunkSize = 64 * 1024): Readable {
  return Readable.from(
    (function* () {
      for (let at = 0; at < bytes.length; at += chunkSize) yield bytes.subarray(at, at + chunkSize);
    })(),
  );
}

interface Memory {
  rss: number;
  /** Buffers alive: exact, where RSS also counts what the allocator keeps after a free. */
  arrayBuffers: number;
}

/** A full collection, so memory figures count what is held rather than garbage not yet swept. */
v8.setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/**
 * `size` fresh bytes made as they are read (never all in memory), and their SHA-256 once read.
 * Tracks the highest memory seen (after a collection) while the body was being consumed.
 */
function generatedBody(size: number): { body: Readable; sha256: () => string; peak: () => Memory } {
  const hash = createHash('sha256');
  const peak = { rss: 0, arrayBuffers: 0 };
  const body = Readable.from(
    (function* () {
      for (let made = 0; made < size; made += MIB) {
        collectGarbage();
        const now = process.memoryUsage();
        peak.rss = Math.max(peak.rss, now.rss);
        peak.arrayBuffers = Math.max(peak.arrayBuffers, now.arrayBuffers);
        const chunk = randomBytes(Math.min(MIB, size - made));
        hash.update(chunk);
        yield chunk;
      }
    })(),
    // Read ahead one chunk at most, as a socket would: the default is 16 chunks.
    { objectMode: false, highWaterMark: MIB },
  );
  return { body, sha256: () => hash.digest('hex'), peak: () => peak };
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const unlimited = () => new Error('no limit in this test');

function blobStoreContract(name: string, start: () => Promise<StoreUnderTest>): void {
  describe(name, () => {
    let subject: StoreUnderTest;
    let store: BlobStore;
    beforeAll(async () => {
      subject = await start();
      store = subject.store;
    });
    afterAll(() => subject.close());

    async function put(instanceId: string, key: string, bytes: Buffer) {
      return store.write(instanceId, key, bodyOf(bytes), Number.MAX_SAFE_INTEGER, unlimited);
    }

    it('reads back the bytes written, and reports their size, SHA-256 and head', async () => {
      const instance = randomUUID();
      const key = randomUUID();
      const bytes = randomBytes(300_000);
      const stored = await put(instance, key, bytes);
      expect(stored.size).toBe(bytes.length);
      expect(stored.sha256.toString('hex')).toBe(sha256(bytes));
      expect(stored.head.equals(bytes.subarray(0, HEAD_BYTES))).toBe(true);
      expect((await collect(await store.read(instance, key))).equals(bytes)).toBe(true);
    });

    it('stores an empty body and a body shorter than the head', async () => {
      const instance = randomUUID();
      const [empty, small] = [randomUUID(), randomUUID()];
      expect(await put(instance, empty, Buffer.alloc(0))).toMatchObject({ size: 0, head: Buffer.alloc(0) });
      expect((await put(instance, small, Buffer.from('bonjour'))).head.toString()).toBe('bonjour');
      expect((await collect(await store.read(instance, empty))).length).toBe(0);
      expect((await collect(await store.read(instance, small))).toString()).toBe('bonjour');
    });

    it('replaces a blob written again under the same key', async () => {
      const instance = randomUUID();
      const key = randomUUID();
      await put(instance, key, Buffer.from('première version'));
      await put(instance, key, Buffer.from('seconde'));
      expect((await collect(await store.read(instance, key))).toString()).toBe('seconde');
      expect(await allKeys(store, instance)).toEqual([key]);
    });

    it('reads ranges: the first byte, the last byte, the middle', async () => {
      const instance = randomUUID();
      const key = randomUUID();
      const bytes = randomBytes(10_000);
      await put(instance, key, bytes);
      const range = async (start: number, end: number) => collect(await store.read(instance, key, { start, end }));
      expect((await range(0, 0)).equals(bytes.subarray(0, 1))).toBe(true);
      expect((await range(9_999, 9_999)).equals(bytes.subarray(9_999))).toBe(true);
      expect((await range(1_234, 5_678)).equals(bytes.subarray(1_234, 5_679))).toBe(true);
    });

    it('streams a 40 MiB write without holding it in memory', { timeout: 120_000 }, async () => {
      const instance = randomUUID();
      const key = randomUUID();
      const size = 40 * MIB;
      const { body, sha256: sent, peak } = generatedBody(size);
      // Memory from earlier tests (sockets, streams) is released over a few turns of the loop.
      for (let round = 0; round < 3; round++) {
        await new Promise((resolve) => setImmediate(resolve));
        collectGarbage();
      }
      const before = process.memoryUsage();
      const stored = await store.write(instance, key, body, size, unlimited);
      const rss = peak().rss - before.rss;
      const buffers = peak().arrayBuffers - before.arrayBuffers;
      console.warn(`${name}: 40 MiB write, peak growth: RSS ${(rss / MIB).toFixed(1)} MiB, buffers ${(buffers / MIB).toFixed(1)} MiB`);
      // A sanity check, not a benchmark: a store holding the whole body would hold at least its
      // size. What a bounded store holds depends on its buffers (S3: a few 5 MiB parts), not on
      // the body: ~10 MiB for files, 20–31 MiB for S3 when measured.
      expect(buffers).toBeLessThan(size);
      expect(rss).toBeLessThan(size);
      expect(stored.size).toBe(size);
      const expected = sent();
      expect(stored.sha256.toString('hex')).toBe(expected);
      const readBack = createHash('sha256');
      for await (const chunk of await store.read(instance, key)) readBack.update(chunk as Buffer);
      expect(readBack.digest('hex')).toBe(expected);
    });

    it('refuses a body past the limit with the caller’s error and leaves nothing behind', { timeout: 60_000 }, async () => {
      const instance = randomUUID();
      const refusal = new HttpError(413, 'payload_too_large', 'Trop gros.');
      // Past several 5 MiB parts, so an S3 store has a multipart upload to abort.
      const { body } = generatedBody(24 * MIB);
      await expect(store.write(instance, randomUUID(), body, 20 * MIB, () => refusal)).rejects.toBe(refusal);
      expect(await allKeys(store, instance)).toEqual([]);
      expect(await subject.leftovers(instance)).toEqual([]);
    });

    it('rejects an interrupted body with a 400 and leaves nothing behind', { timeout: 60_000 }, async () => {
      const instance = randomUUID();
      const body = new PassThrough();
      const writing = store.write(instance, randomUUID(), body, 100 * MIB, unlimited);
      body.write(randomBytes(12 * MIB));
      setTimeout(() => body.destroy(new Error('aborted')), 200);
      const error = await writing.catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(HttpError);
      expect(error).toMatchObject({ status: 400, message: 'L’envoi a été interrompu.' });
      expect(await allKeys(store, instance)).toEqual([]);
      expect(await subject.leftovers(instance)).toEqual([]);
    });

    it('keeps a copy when the original is removed', async () => {
      const instance = randomUUID();
      const [original, copy] = [randomUUID(), randomUUID()];
      await put(instance, original, Buffer.from('contenu partagé'));
      await store.copy(instance, original, copy);
      await store.remove(instance, [original]);
      expect((await collect(await store.read(instance, copy))).toString()).toBe('contenu partagé');
      await expect(store.read(instance, original)).rejects.toBeInstanceOf(BlobMissingError);
    });

    it('adopts a finished local file as a blob, replacing the key, and leaves the file to its owner', { timeout: 60_000 }, async () => {
      const instance = randomUUID();
      const key = randomUUID();
      const dir = await mkdtemp(join(tmpdir(), 'mytoutatice-adopt-'));
      try {
        // Past one 5 MiB part, so an S3 store uploads it in several.
        const bytes = randomBytes(6 * MIB);
        const path = join(dir, 'upload');
        await writeFile(path, bytes);
        await put(instance, key, Buffer.from('ancienne version'));
        await store.adopt(instance, key, path);
        expect(sha256(await collect(await store.read(instance, key)))).toBe(sha256(bytes));
        expect(await allKeys(store, instance)).toEqual([key]);
        expect(sha256(await readFile(path))).toBe(sha256(bytes));
        // The upload's folder goes away once committed: the blob must not.
        await rm(dir, { recursive: true, force: true });
        expect(sha256(await collect(await store.read(instance, key)))).toBe(sha256(bytes));
        expect(await subject.leftovers(instance)).toEqual([]);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });

    it('adopts nothing from a missing file and leaves nothing behind', async () => {
      const instance = randomUUID();
      const key = randomUUID();
      await expect(store.adopt(instance, key, join(tmpdir(), randomUUID()))).rejects.toMatchObject({ code: 'ENOENT' });
      expect(await allKeys(store, instance)).toEqual([]);
      expect(await subject.leftovers(instance)).toEqual([]);
      await expect(store.adopt(instance, '../x', join(tmpdir(), randomUUID()))).rejects.toBeInstanceOf(TypeError);
    });

    it('makes parts sent over several calls the blob, in number order, in place of the key', { timeout: 60_000 }, async () => {
      const instance = randomUUID();
      const key = randomUUID();
      const parts = store.parts;
      // Local files are adopted whole at the end (a link); an object store takes the parts as they come.
      if (subject.localFiles) {
        expect(parts).toBeUndefined();
        return;
      }
      if (!parts) throw new Error('an object store takes parts');
      const first = randomBytes(parts.minPartBytes);
      const last = randomBytes(1000);
      await put(instance, key, Buffer.from('ancienne version'));
      const uploadId = await parts.begin(instance, key);
      await parts.put(instance, key, uploadId, 2, bodyOf(last), last.length);
      await parts.put(instance, key, uploadId, 1, bodyOf(randomBytes(first.length)), first.length);
      // The same number again replaces the part (a request retried after a restart).
      await parts.put(instance, key, uploadId, 1, bodyOf(first), first.length);
      expect(await parts.list(instance, key, uploadId)).toEqual([
        { number: 1, size: first.length },
        { number: 2, size: last.length },
      ]);
      expect((await collect(await store.read(instance, key))).toString()).toBe('ancienne version');
      await parts.complete(instance, key, uploadId);
      expect(sha256(await collect(await store.read(instance, key)))).toBe(sha256(Buffer.concat([first, last])));
      expect(await allKeys(store, instance)).toEqual([key]);
      expect(await subject.leftovers(instance)).toEqual([]);
      // Aborting what was completed changes nothing.
      await parts.abort(instance, key, uploadId);
      expect(await allKeys(store, instance)).toEqual([key]);
    });

    it('aborts parts: no blob and nothing pending left, and aborting again is fine', async () => {
      const parts = store.parts;
      if (!parts) return;
      const instance = randomUUID();
      const key = randomUUID();
      const uploadId = await parts.begin(instance, key);
      await parts.put(instance, key, uploadId, 1, bodyOf(Buffer.from('début')), 6);
      expect(await subject.leftovers(instance)).toHaveLength(1);
      await parts.abort(instance, key, uploadId);
      await parts.abort(instance, key, uploadId);
      expect(await allKeys(store, instance)).toEqual([]);
      expect(await subject.leftovers(instance)).toEqual([]);
    });

    it('removes many blobs at once, missing ones included', { timeout: 60_000 }, async () => {
      const instance = randomUUID();
      const written = Array.from({ length: 70 }, () => randomUUID());
      const kept = randomUUID();
      for (const key of [...written, kept]) await put(instance, key, Buffer.from(key));
      await store.remove(instance, [...written, randomUUID(), randomUUID()]);
      await store.remove(instance, []);
      expect(await allKeys(store, instance)).toEqual([kept]);
    });

    it('answers BlobMissingError for a missing blob, to read or to copy', async () => {
      const instance = randomUUID();
      await expect(store.read(instance, randomUUID())).rejects.toBeInstanceOf(BlobMissingError);
      await expect(store.copy(instance, randomUUID(), randomUUID())).rejects.toBeInstanceOf(BlobMissingError);
      expect(await allKeys(store, instance)).toEqual([]);
      expect(await store.modifiedAt(instance, randomUUID())).toBeUndefined();
    });

    it('tells when a blob was written, for fsck to spare writes in progress', async () => {
      const instance = randomUUID();
      const key = randomUUID();
      const before = Date.now();
      await store.write(instance, key, Readable.from([Buffer.from('daté')]), 100, () => new Error('over'));
      const at = (await store.modifiedAt(instance, key)) ?? 0;
      // Object stores keep whole seconds.
      expect(at).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 - 1000);
      expect(at).toBeLessThanOrEqual(Date.now() + 1000);
    });

    it('refuses keys and instance ids that are not safe names, before touching anything', async () => {
      const instance = randomUUID();
      const unsafe = ['../x', '..', 'a/b', '/abs', 'x', '', 'a b', 'é-clé', '%2e%2e', 'a\\b', 'a\0b', '.hidden'];
      for (const key of unsafe) {
        await expect(put(instance, key, Buffer.from('x'))).rejects.toBeInstanceOf(TypeError);
        await expect(store.read(instance, key)).rejects.toBeInstanceOf(TypeError);
        await expect(store.copy(instance, key, randomUUID())).rejects.toBeInstanceOf(TypeError);
        await expect(store.remove(instance, [key])).rejects.toBeInstanceOf(TypeError);
        await expect(put(key, randomUUID(), Buffer.from('x'))).rejects.toBeInstanceOf(TypeError);
        await expect(store.removeInstance(key)).rejects.toBeInstanceOf(TypeError);
      }
      expect(await allKeys(store, instance)).toEqual([]);
    });

    it('lists exactly the keys written, and removeInstance empties the instance only', async () => {
      const [instance, other] = [randomUUID(), randomUUID()];
      const keys = Array.from({ length: 5 }, () => randomUUID());
      for (const key of keys) await put(instance, key, Buffer.from(key));
      const otherKey = randomUUID();
      await put(other, otherKey, Buffer.from('ailleurs'));
      expect(await allKeys(store, instance)).toEqual([...keys].sort());
      await store.removeInstance(instance);
      expect(await allKeys(store, instance)).toEqual([]);
      await expect(store.read(instance, keys[0] ?? '')).rejects.toBeInstanceOf(BlobMissingError);
      expect(await allKeys(store, other)).toEqual([otherKey]);
      await store.removeInstance(randomUUID());
    });

    it('names the local file holding a blob when it is one, for a gateway on the same machine', async () => {
      const [instance, key] = [randomUUID(), randomUUID()];
      await put(instance, key, Buffer.from('octets sur le disque'));
      const file = await store.localFile(instance, key);
      if (subject.localFiles) {
        expect(await readFile(file ?? '', 'utf8')).toBe('octets sur le disque');
        await expect(store.localFile(instance, randomUUID())).rejects.toBeInstanceOf(BlobMissingError);
      } else {
        expect(file).toBeUndefined();
      }
    });

    it('keeps instances apart: the same key holds different bytes in two instances', async () => {
      const [first, second] = [randomUUID(), randomUUID()];
      const key = randomUUID();
      await put(first, key, Buffer.from('premier espace'));
      await put(second, key, Buffer.from('second espace'));
      expect((await collect(await store.read(first, key))).toString()).toBe('premier espace');
      expect((await collect(await store.read(second, key))).toString()).toBe('second espace');
      await store.remove(first, [key]);
      expect((await collect(await store.read(second, key))).toString()).toBe('second espace');
    });
  });
}

blobStoreContract(FsBlobStore.name, async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'mytoutatice-blobs-'));
  return {
    store: new FsBlobStore(dataDir),
    localFiles: true,
    leftovers: (instanceId) => readdir(join(dataDir, 'instances', instanceId, 'tmp')).catch(() => []),
    close: () => rm(dataDir, { recursive: true, force: true }),
  };
});

blobStoreContract(S3BlobStore.name, async () => {
  const server = await startS3TestServer();
  const store = new S3BlobStore(server.config);
  return {
    store,
    localFiles: false,
    leftovers: async (instanceId) => (await store.pendingUploads(instanceId)).map((upload) => upload.key),
    async close() {
      store.close();
      await server.stop();
    },
  };
});
