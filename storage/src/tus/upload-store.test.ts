import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FsBlobStore } from '../blobs/fs-blob-store.ts';
import { UploadStore } from './upload-store.ts';

/** What @tus/server hands the store at creation. */
const newUpload = (id: string, size: number) =>
  ({ id, size, offset: 0, creation_date: new Date().toISOString() }) as unknown as Parameters<UploadStore['create']>[0];

/** A request body that breaks after `cut` bytes, as a dropped connection does. */
function cutAfter(data: Buffer, cut: number): Readable {
  return Readable.from(
    (async function* () {
      yield data.subarray(0, cut);
      throw new Error('connection reset');
    })(),
  );
}

describe(UploadStore.name, () => {
  let dir: string;
  let store: UploadStore;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mytoutatice-uploads-'));
    store = new UploadStore(dir, new FsBlobStore(dir));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('keeps the bytes of a cut request and its running hash, so the commit needs no re-read', async () => {
    const data = randomBytes(300 * 1024);
    await store.create(newUpload('i/uploads/u', data.length));
    await expect(store.write(cutAfter(data, 100 * 1024), 'i/uploads/u', 0)).rejects.toThrow('connection reset');
    const kept = (await stat(store.dataPath('i/uploads/u'))).size;
    expect(kept).toBe(100 * 1024);
    expect((await store.getUpload('i/uploads/u')).offset).toBe(kept);

    expect(await store.write(Readable.from([data.subarray(kept)]), 'i/uploads/u', kept)).toBe(data.length);
    expect((await readFile(store.dataPath('i/uploads/u'))).equals(data)).toBe(true);
    expect(store.hashes.take('i/uploads/u', data.length)?.toString('hex')).toBe(createHash('sha256').update(data).digest('hex'));
  });

  it('has no running hash for an upload it did not see from the start (a restart): the commit reads the file', async () => {
    const data = randomBytes(1024);
    await store.create(newUpload('i/uploads/v', data.length));
    await store.write(Readable.from([data.subarray(0, 512)]), 'i/uploads/v', 0);
    const restarted = new UploadStore(dir, new FsBlobStore(dir));
    await restarted.write(Readable.from([data.subarray(512)]), 'i/uploads/v', 512);
    expect(restarted.hashes.take('i/uploads/v', data.length)).toBeUndefined();
  });
});
