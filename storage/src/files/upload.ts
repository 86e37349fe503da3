import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { FileDoc } from '@mytoutatice/contract';
import { HttpError, badRequest } from '@mytoutatice/server-kit';
import type { StoredBlob } from '../blobs/blob-store.ts';
import type { InstanceDatabases } from '../instances/instance-databases.ts';
import { bumpSeq } from '../changes/write-seq.ts';
import { usedBytes } from './usage.ts';
import type { InstanceRecord } from '../instances/instance-records.ts';
import { parseContentDigest } from './content-digest.ts';
import { nameConflict, nameTaken, parseConflict, resolveName, validName, type ConflictPolicy } from './file-names.ts';
import { getLiveFolder, insertFile, newRow, toFileDoc } from './file-rows.ts';
import { sniffMime } from './mime.ts';
import { assertRoomFor, overQuota } from './quota.ts';

export interface UploadRequest {
  instance: InstanceRecord;
  /** The uploading app (null: the person). */
  createdBy: string | null;
  parentId: string;
  name: unknown;
  conflict: unknown;
  /** The raw `Content-Digest` header, if any. */
  contentDigest: string | undefined;
  /** The raw `Content-Length` header, if any. */
  contentLength: string | undefined;
  body: Readable;
}

/** The announced `Content-Length`, checked before a byte is read. */
export function parseContentLength(contentLength: string | undefined): number | undefined {
  if (contentLength === undefined) return undefined;
  if (!/^[0-9]{1,16}$/.test(contentLength)) throw badRequest('Content-Length invalide.');
  return Number(contentLength);
}

export function tooLarge(maxFileBytes: number): HttpError {
  return new HttpError(413, 'payload_too_large', `Un fichier fait au plus ${maxFileBytes} octets.`);
}

export function hashMismatch(): HttpError {
  return new HttpError(422, 'hash_mismatch', 'Le contenu reçu ne correspond pas à l’empreinte annoncée.');
}

export interface NewFile {
  instance: InstanceRecord;
  createdBy: string | null;
  parentId: string;
  name: string;
  conflict: ConflictPolicy;
  /** Bytes the content may take: the file size limit or the room left, whichever is smaller. */
  limit: number;
  overLimit: () => HttpError;
}

/**
 * What can be refused before a byte of content is read: the folder, the name (with `fail`), the
 * announced size against the size limit and the room left (less what uploads in progress reserved).
 */
export async function planNewFile(
  databases: InstanceDatabases,
  maxFileBytes: number,
  request: {
    instance: InstanceRecord;
    createdBy: string | null;
    parentId: string;
    name: unknown;
    conflict: unknown;
    declaredSize: number | undefined;
    reservedBytes?: number;
  },
): Promise<NewFile> {
  const { instance, parentId, declaredSize } = request;
  const name = validName(request.name);
  const conflict = parseConflict(request.conflict);
  const db = databases.db(instance.id);
  await getLiveFolder(db, parentId);
  if (conflict === 'fail' && (await nameTaken(db, parentId, name))) throw await nameConflict(db, parentId, name);
  const remaining = Math.max(0, instance.quotaBytes - (await usedBytes(db)) - (request.reservedBytes ?? 0));
  return { instance, createdBy: request.createdBy, parentId, name, conflict, ...contentLimit(maxFileBytes, remaining, declaredSize) };
}

/**
 * How many bytes new content may take: the size limit or the room left, whichever is less. An
 * announced size over it is refused now; `overLimit` is the refusal for content that runs over.
 */
export function contentLimit(maxFileBytes: number, room: number, declaredSize: number | undefined): { limit: number; overLimit: () => HttpError } {
  if (declaredSize !== undefined && declaredSize > maxFileBytes) throw tooLarge(maxFileBytes);
  if (declaredSize !== undefined && declaredSize > room) throw overQuota();
  const limit = Math.min(maxFileBytes, room);
  return { limit, overLimit: () => (limit === maxFileBytes ? tooLarge(maxFileBytes) : overQuota()) };
}

/**
 * Gives durable content (blob `id`, already written) its metadata row, in one transaction:
 * checked against the expected digest, typed from its bytes, named (or « nom (2) »), counted.
 * `alongside` runs in the same transaction with the new file (a caller's own check of it, or its
 * own rows about it). On any refusal the blob is removed, so nothing is left.
 */
export async function commitNewFile(
  databases: InstanceDatabases,
  file: NewFile,
  id: string,
  stored: StoredBlob,
  expectedSha256: Buffer | undefined,
  alongside?: (file: FileDoc) => Promise<void>,
): Promise<FileDoc> {
  const { instance, parentId, name, conflict } = file;
  const { blobs } = databases;
  try {
    if (expectedSha256 && !timingSafeEqual(expectedSha256, stored.sha256)) throw hashMismatch();
    const mime = await sniffMime(() => blobs.read(instance.id, id), stored.head, name);
    const db = databases.db(instance.id);
    return await db.transaction(async () => {
      await getLiveFolder(db, parentId);
      const finalName = await resolveName(db, parentId, name, conflict);
      await assertRoomFor(db, instance, stored.size);
      const row = newRow({
        id,
        parentId,
        type: 'file',
        name: finalName,
        size: stored.size,
        mime,
        sha256: stored.sha256.toString('hex'),
        createdBy: file.createdBy,
      });
      await insertFile(db, row, await bumpSeq(db));
      const doc = toFileDoc(row);
      await alongside?.(doc);
      return doc;
    });
  } catch (error) {
    await blobs.remove(instance.id, [id]);
    throw error;
  }
}

/**
 * `POST /files/:parentId/files`: the body is streamed into the blob store (never whole in
 * memory; durable before the answer), checked against its announced digest, and only then gets
 * its metadata row. Any failure on the way leaves neither a row nor a blob nor a temp file.
 */
export async function uploadFile(databases: InstanceDatabases, maxFileBytes: number, upload: UploadRequest): Promise<FileDoc> {
  const expected = parseContentDigest(upload.contentDigest);
  const file = await planNewFile(databases, maxFileBytes, {
    ...upload,
    declaredSize: parseContentLength(upload.contentLength),
  });
  const id = randomUUID();
  const stored = await databases.blobs.write(upload.instance.id, id, upload.body, file.limit, file.overLimit);
  return commitNewFile(databases, file, id, stored, expected);
}
