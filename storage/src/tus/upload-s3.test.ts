import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileDoc } from '@mytoutatice/contract';
import { startS3TestServer, type S3TestServer } from '../blobs/testing/s3-test-server.ts';
import { blobKeys, filesUnder, startStorage, type StorageHarness } from '../testing/storage-harness.ts';
import { commitUpload } from './commit-upload.ts';
import { tusCalls } from './tus-test-calls.ts';
import { FILE_ID_HEADER } from './upload-routes.ts';

const MIB = 1024 * 1024;

describe(`${commitUpload.name} on S3`, () => {
  let s3: S3TestServer;
  let storage: StorageHarness;
  beforeAll(async () => {
    s3 = await startS3TestServer();
    storage = await startStorage({ blobs: { kind: 's3', ...s3.config } });
  });
  afterAll(async () => {
    await storage.close();
    await s3.stop();
  });

  it('puts the assembled upload into the bucket (several parts) and leaves nothing on disk', { timeout: 60_000 }, async () => {
    const alice = await storage.createInstance();
    const tus = tusCalls(storage, alice.token);
    const data = randomBytes(7 * MIB);
    const sha256 = createHash('sha256').update(data).digest('hex');
    const path = tus.pathOf(await tus.create(data.length, { filename: 'cours.mp4', sha256 }));
    await tus.patch(path, 0, data.subarray(0, 4 * MIB));
    const done = await tus.patch(path, 4 * MIB, data.subarray(4 * MIB));
    expect(done.status).toBe(204);
    const fileId = done.headers.get(FILE_ID_HEADER) ?? '';
    expect(FileDoc.parse(await (await storage.call(alice.token, `/files/${fileId}`)).json())).toMatchObject({ size: data.length, sha256 });
    expect(Buffer.from(await (await storage.call(alice.token, `/files/${fileId}/content`)).arrayBuffer()).equals(data)).toBe(true);
    expect(await blobKeys(storage, alice.id)).toEqual([fileId]);
    const instanceDir = join(storage.config.dataDir, 'instances', alice.id);
    expect(await filesUnder(join(instanceDir, 'uploads'))).toEqual([]);
    expect(await filesUnder(join(instanceDir, 'content'))).toEqual([]);
  });
});
