import { createHash, randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileDoc } from '@mytoutatice/contract';
import type { S3BlobStore } from '../blobs/s3-blob-store.ts';
import { startS3TestServer, type S3TestServer } from '../../test/blobs/s3-test-server.ts';
import { blobKeys, filesUnder, startStorage, type StorageHarness, type TestInstance } from '../../test/harness/storage-harness.ts';
import { commitUpload } from './commit-upload.ts';
import { UPLOAD_EXPIRY } from './expired-uploads.ts';
import { REGISTRY_QUEUE } from '../jobs/due-index.ts';
import { settledJob } from '../../test/jobs/settled-job.ts';
import { tusCalls } from '../../test/tus/tus-test-calls.ts';
import type { PartedBlob } from './upload-folder.ts';
import { FILE_ID_HEADER } from './upload-routes.ts';

const MIB = 1024 * 1024;
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

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

  const s3Blobs = () => storage.blobs as S3BlobStore;
  const recordPath = (instance: TestInstance, path: string) =>
    join(storage.config.dataDir, 'instances', instance.id, 'uploads', `${path.split('/').pop() ?? ''}.json`);
  /** The sizes of the parts S3 holds for an upload in progress. */
  const partSizes = async (instance: TestInstance, path: string) => {
    const { blob } = JSON.parse(await readFile(recordPath(instance, path), 'utf8')) as { blob: PartedBlob };
    const parts = await s3Blobs().parts.list(instance.id, blob.key, blob.uploadId);
    return parts.map((part) => part.size);
  };
  const fileOf = async (instance: TestInstance, answer: Response) =>
    FileDoc.parse(await (await storage.call(instance.token, `/files/${answer.headers.get(FILE_ID_HEADER) ?? ''}`)).json());
  const bytesOf = async (instance: TestInstance, fileId: string) =>
    Buffer.from(await (await storage.call(instance.token, `/files/${fileId}/content`)).arrayBuffer());

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
    expect(await fileOf(alice, done)).toMatchObject({ size: data.length, sha256 });
    expect((await bytesOf(alice, fileId)).equals(data)).toBe(true);
    expect(await blobKeys(storage, alice.id)).toEqual([fileId]);
    const instanceDir = join(storage.config.dataDir, 'instances', alice.id);
    expect(await filesUnder(join(instanceDir, 'uploads'))).toEqual([]);
    expect(await filesUnder(join(instanceDir, 'content'))).toEqual([]);
    expect(await s3Blobs().pendingUploads(alice.id)).toEqual([]);
  });

  it('sends each whole part to S3 before answering its PATCH; the last one completes the blob under the file’s id', { timeout: 60_000 }, async () => {
    const bob = await storage.createInstance();
    const tus = tusCalls(storage, bob.token);
    // A PNG's first bytes: the type is sniffed from the head, which never comes back from S3.
    const data = Buffer.concat([PNG, randomBytes(12 * MIB - PNG.length)]);
    const path = tus.pathOf(await tus.create(data.length, { filename: 'image.bin' }));
    expect((await tus.patch(path, 0, data.subarray(0, 7 * MIB))).status).toBe(204);
    expect(await partSizes(bob, path)).toEqual([5 * MIB]);
    expect((await tus.patch(path, 7 * MIB, data.subarray(7 * MIB, 11 * MIB))).status).toBe(204);
    expect(await partSizes(bob, path)).toEqual([5 * MIB, 5 * MIB]);
    expect(await blobKeys(storage, bob.id)).toEqual([]);

    const done = await tus.patch(path, 11 * MIB, data.subarray(11 * MIB));
    expect(done.status).toBe(204);
    const file = await fileOf(bob, done);
    expect(file).toMatchObject({ size: data.length, sha256: createHash('sha256').update(data).digest('hex'), mime: 'image/png' });
    expect(await blobKeys(storage, bob.id)).toEqual([file.id]);
    expect((await bytesOf(bob, file.id)).equals(data)).toBe(true);
    expect(await s3Blobs().pendingUploads(bob.id)).toEqual([]);
  });

  it('leaves no multipart upload behind on termination, expiry or a refusal at the end', { timeout: 60_000 }, async () => {
    const carol = await storage.createInstance();
    const tus = tusCalls(storage, carol.token);
    const data = randomBytes(6 * MIB);
    const started = async (metadata: Record<string, string>) => {
      const path = tus.pathOf(await tus.create(data.length, metadata));
      expect((await tus.patch(path, 0, data.subarray(0, 5 * MIB))).status).toBe(204);
      return path;
    };
    const terminated = await started({ filename: 'annulé.bin' });
    const expired = await started({ filename: 'oublié.bin' });
    const refused = await started({ filename: 'faux.bin', sha256: createHash('sha256').update('autre chose').digest('hex') });
    expect(await s3Blobs().pendingUploads(carol.id)).toHaveLength(3);

    expect((await tus.terminate(terminated)).status).toBe(204);
    expect(await s3Blobs().pendingUploads(carol.id)).toHaveLength(2);

    const record = recordPath(carol, expired);
    const info = JSON.parse(await readFile(record, 'utf8')) as { creation_date: string };
    await writeFile(record, JSON.stringify({ ...info, creation_date: new Date(Date.now() - 25 * 3600 * 1000).toISOString() }));
    await settledJob(storage.jobs, REGISTRY_QUEUE, await storage.jobs.enqueue(REGISTRY_QUEUE, UPLOAD_EXPIRY, {}));
    expect(await s3Blobs().pendingUploads(carol.id)).toHaveLength(1);

    expect((await tus.patch(refused, 5 * MIB, data.subarray(5 * MIB))).status).toBe(422);
    expect(await s3Blobs().pendingUploads(carol.id)).toEqual([]);
    expect(await blobKeys(storage, carol.id)).toEqual([]);
    expect(await filesUnder(join(storage.config.dataDir, 'instances', carol.id, 'uploads'))).toEqual([]);
  });

  it('goes on after a restart of the storage mid-upload, and the file has the right hash', { timeout: 60_000 }, async () => {
    const dave = await storage.createInstance();
    const data = randomBytes(11 * MIB);
    const path = tusCalls(storage, dave.token).pathOf(await tusCalls(storage, dave.token).create(data.length, { filename: 'reprise.bin' }));
    await tusCalls(storage, dave.token).patch(path, 0, data.subarray(0, 6 * MIB));

    await storage.restart();
    const tus = tusCalls(storage, dave.token);
    expect((await tus.head(path)).headers.get('upload-offset')).toBe(String(6 * MIB));
    expect((await tus.patch(path, 6 * MIB, data.subarray(6 * MIB, 8 * MIB))).status).toBe(204);
    const done = await tus.patch(path, 8 * MIB, data.subarray(8 * MIB));
    expect(done.status).toBe(204);
    const file = await fileOf(dave, done);
    expect(file.sha256).toBe(createHash('sha256').update(data).digest('hex'));
    expect((await bytesOf(dave, file.id)).equals(data)).toBe(true);
    expect(await s3Blobs().pendingUploads(dave.id)).toEqual([]);
  });
});
