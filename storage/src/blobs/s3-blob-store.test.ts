import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlobMissingError } from './blob-store.ts';
import { S3BlobStore } from './s3-blob-store.ts';
import { startS3TestServer, type S3TestServer } from '../../test/blobs/s3-test-server.ts';

const MIB = 1024 * 1024;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe(S3BlobStore.name, () => {
  let server: S3TestServer;
  let store: S3BlobStore;
  beforeAll(async () => {
    server = await startS3TestServer();
    // S3 copies at most 5 GiB at once: the same path, scaled down.
    store = new S3BlobStore(server.config, { copyObjectMaxBytes: 4 * MIB, copyPartBytes: 5 * MIB });
  });
  afterAll(async () => {
    store.close();
    await server.stop();
  });

  it('copies an object too big for one CopyObject part by part, server-side', { timeout: 60_000 }, async () => {
    const instance = randomUUID();
    const [original, copy] = [randomUUID(), randomUUID()];
    const bytes = randomBytes(12 * MIB + 123);
    await store.write(instance, original, Readable.from([bytes]), bytes.length, () => new Error('limit'));
    await store.copy(instance, original, copy);
    const hash = createHash('sha256');
    for await (const chunk of await store.read(instance, copy)) hash.update(chunk as Buffer);
    expect(hash.digest('hex')).toBe(sha256(bytes));
    expect(await store.pendingUploads(instance)).toEqual([]);
  });

  it('names the missing blob when the source of a copy is gone', async () => {
    const instance = randomUUID();
    const missing = randomUUID();
    await expect(store.copy(instance, missing, randomUUID())).rejects.toMatchObject({
      constructor: BlobMissingError,
      key: missing,
    });
  });
});
