import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import type { FileDoc } from '@mytoutatice/contract';
import { HttpError } from '@mytoutatice/server-kit';
import type { InstanceDatabases } from '../instances/instance-databases.ts';
import { blobPath, bumpSeq } from '../instances/instance-db.ts';
import type { InstanceRecord } from '../instances/registry.ts';
import { cloneBlob } from '../files/blobs.ts';
import { resolveName } from '../files/file-names.ts';
import { getLiveFolder, insertFile, newRow, toFileDoc } from '../files/file-rows.ts';
import { sniffMime } from '../files/mime.ts';
import { assertRoomFor } from '../files/quota.ts';
import type { UploadTarget } from './upload-target.ts';

const HEAD_BYTES = 4096;

/** An upload whose last byte arrived: its bytes on disk (fsynced) and where it goes. */
export interface AssembledUpload {
  path: string;
  size: number;
  target: UploadTarget;
  /** The SHA-256 fed as the chunks arrived, when this process saw them all. */
  sha256: Buffer | undefined;
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
 * Makes an assembled upload a file, as `POST /files/:parentId/files` does: checked against its
 * announced hash, mime sniffed, linked into content/ (durable) and only then given its row, with
 * the name and quota checked again in that transaction (other writes happened meanwhile). On any
 * failure no row and no blob remain; the caller discards the upload's own leftovers.
 */
export async function commitUpload(databases: InstanceDatabases, instance: InstanceRecord, upload: AssembledUpload): Promise<FileDoc> {
  const { target } = upload;
  const sha256 = upload.sha256 ?? (await hashFile(upload.path));
  if (target.sha256 && !timingSafeEqual(target.sha256, sha256)) {
    throw new HttpError(422, 'hash_mismatch', 'Le contenu reçu ne correspond pas à la métadonnée sha256 : l’envoi est abandonné.');
  }
  const mime = await sniffMime(upload.path, await readHead(upload.path), target.name);

  const id = randomUUID();
  const blob = blobPath(databases.paths(instance.id), id);
  try {
    // A link, not a rename: @tus/server still reads the upload after this; the caller drops it.
    await cloneBlob(upload.path, blob);
    const db = databases.db(instance.id);
    return await db.transaction(async () => {
      await getLiveFolder(db, target.parentId);
      const name = await resolveName(db, target.parentId, target.name, target.conflict);
      await assertRoomFor(db, instance, upload.size);
      const row = newRow({ id, parentId: target.parentId, type: 'file', name, size: upload.size, mime, sha256: sha256.toString('hex') });
      await insertFile(db, row, await bumpSeq(db));
      return toFileDoc(row);
    });
  } catch (error) {
    await rm(blob, { force: true });
    throw error;
  }
}
