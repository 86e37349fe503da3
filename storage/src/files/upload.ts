import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import type { FileDoc } from '@mytoutatice/contract';
import { HttpError, badRequest } from '@mytoutatice/server-kit';
import type { InstanceDatabases } from '../instances/instance-databases.ts';
import { blobPath, bumpSeq, usedBytes } from '../instances/instance-db.ts';
import type { InstanceRecord } from '../instances/registry.ts';
import { syncDirectory } from './blobs.ts';
import { parseContentDigest } from './content-digest.ts';
import { nameConflict, nameTaken, parseConflict, resolveName, validName } from './file-names.ts';
import { getLiveFolder, insertFile, newRow, toFileDoc } from './file-rows.ts';
import { sniffMime } from './mime.ts';
import { assertRoomFor, overQuota } from './quota.ts';

const HEAD_BYTES = 4096;

export interface UploadRequest {
  instance: InstanceRecord;
  parentId: string;
  name: unknown;
  conflict: unknown;
  /** The raw `Content-Digest` header, if any. */
  contentDigest: string | undefined;
  /** The raw `Content-Length` header, if any. */
  contentLength: string | undefined;
  body: Readable;
}

interface Received {
  size: number;
  sha256: Buffer;
  head: Buffer;
}

function tooLarge(maxFileBytes: number): HttpError {
  return new HttpError(413, 'payload_too_large', `Un fichier fait au plus ${maxFileBytes} octets.`);
}

/** Streams `body` into `path` (created, fsynced), hashing as it goes and stopping past `limit`. */
async function receive(body: Readable, path: string, limit: number, overLimit: () => HttpError): Promise<Received> {
  const hash = createHash('sha256');
  const headChunks: Buffer[] = [];
  let headLength = 0;
  let size = 0;
  try {
    await pipeline(
      body,
      async function* (source: AsyncIterable<Buffer>) {
        for await (const chunk of source) {
          size += chunk.length;
          if (size > limit) throw overLimit();
          hash.update(chunk);
          if (headLength < HEAD_BYTES) {
            headChunks.push(chunk.subarray(0, HEAD_BYTES - headLength));
            headLength += Math.min(chunk.length, HEAD_BYTES - headLength);
          }
          yield chunk;
        }
      },
      createWriteStream(path, { flags: 'wx', flush: true }),
    );
  } catch (error) {
    await rm(path, { force: true });
    if (error instanceof HttpError) throw error;
    // A failing disk also destroys the body: only a body that failed on its own was interrupted.
    const ours = (error as { syscall?: unknown }).syscall !== undefined;
    if (!ours && (body.destroyed || body.readableAborted)) throw badRequest('L’envoi a été interrompu.');
    throw error;
  }
  return { size, sha256: hash.digest(), head: Buffer.concat(headChunks) };
}

/**
 * `POST /files/:parentId/files`: the body goes to tmp/ (never whole in memory), is checked
 * against its announced digest, moved into content/, and only then gets its metadata row, in
 * one transaction. Any failure on the way leaves neither a row nor a blob nor a temp file.
 */
export async function uploadFile(databases: InstanceDatabases, maxFileBytes: number, upload: UploadRequest): Promise<FileDoc> {
  const { instance, parentId } = upload;
  const name = validName(upload.name);
  const conflict = parseConflict(upload.conflict);
  const expected = parseContentDigest(upload.contentDigest);
  const paths = databases.paths(instance.id);

  // Everything that can be refused is refused before a byte of the body is read.
  const db = databases.db(instance.id);
  await getLiveFolder(db, parentId);
  if (conflict === 'fail' && (await nameTaken(db, parentId, name))) throw await nameConflict(db, parentId, name);
  const remaining = Math.max(0, instance.quotaBytes - (await usedBytes(db)));
  const declared = upload.contentLength === undefined ? undefined : Number(upload.contentLength);
  if (declared !== undefined && declared > maxFileBytes) throw tooLarge(maxFileBytes);
  if (declared !== undefined && declared > remaining) throw overQuota();

  const id = randomUUID();
  const temp = join(paths.tmp, id);
  await mkdir(paths.tmp, { recursive: true });
  const limit = Math.min(maxFileBytes, remaining);
  const received = await receive(upload.body, temp, limit, () =>
    limit === maxFileBytes ? tooLarge(maxFileBytes) : overQuota(),
  );

  const blob = blobPath(paths, id);
  let mime: string;
  try {
    if (expected && !timingSafeEqual(expected, received.sha256)) {
      throw new HttpError(422, 'hash_mismatch', 'Le contenu reçu ne correspond pas à l’en-tête Content-Digest.');
    }
    mime = await sniffMime(temp, received.head, name);
    await mkdir(dirname(blob), { recursive: true });
    await rename(temp, blob);
    await syncDirectory(dirname(blob));
  } catch (error) {
    await rm(temp, { force: true });
    await rm(blob, { force: true });
    throw error;
  }

  try {
    return await db.transaction(async () => {
      await getLiveFolder(db, parentId);
      const finalName = await resolveName(db, parentId, name, conflict);
      await assertRoomFor(db, instance, received.size);
      const row = newRow({
        id,
        parentId,
        type: 'file',
        name: finalName,
        size: received.size,
        mime,
        sha256: received.sha256.toString('hex'),
      });
      await insertFile(db, row, await bumpSeq(db));
      return toFileDoc(row);
    });
  } catch (error) {
    await rm(blob, { force: true });
    throw error;
  }
}
