import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { FileDoc } from '@mytoutatice/contract';
import { HEAD_BYTES, type StoredBlob } from '../blobs/blob-store.ts';
import type { InstanceDatabases } from '../instances/instance-databases.ts';
import type { InstanceRecord } from '../instances/instance-records.ts';
import { commitNewFile, planNewFile } from '../files/upload.ts';
import type { UploadTarget } from './upload-target.ts';

/** An upload whose last byte arrived: its bytes on disk (fsynced) and where it goes. */
export interface AssembledUpload {
  path: string;
  size: number;
  target: UploadTarget;
  /** The SHA-256 fed as the chunks arrived, when this process saw them all. */
  sha256: Buffer | undefined;
  /** Makes its bytes a blob, durably, and answers the blob's key (the file's id). */
  toBlob(): Promise<string>;
}

async function hashFile(path: string): Promise<Buffer> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest();
}

async function readHead(path: string): Promise<Buffer> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await file.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

/**
 * Makes an assembled upload a file through the same steps as `POST /files/:parentId/files`: the
 * refusals checked again (folder, name, size, quota: other writes happened since the creation),
 * the bytes made a blob (linked, not copied, on disk; parts already sent completed, on S3), then
 * `commitNewFile`. On any refusal no row and no blob remain; the caller discards the upload's own
 * files (and parts).
 */
export async function commitUpload(
  databases: InstanceDatabases,
  maxFileBytes: number,
  instance: InstanceRecord,
  upload: AssembledUpload,
): Promise<FileDoc> {
  const { target, path, size } = upload;
  const file = await planNewFile(databases, maxFileBytes, { instance, ...target, declaredSize: size });
  const stored: StoredBlob = { size, sha256: upload.sha256 ?? (await hashFile(path)), head: await readHead(path) };
  const id = await upload.toBlob();
  return commitNewFile(databases, file, id, stored, target.sha256);
}
