import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { FileDoc } from '@mytoutatice/contract';
import { HttpError } from '@mytoutatice/server-kit';
import type { SqlDb } from '@mytoutatice/sql';
import { parseContentDigest } from '../files/content-digest.ts';
import { getFile, getLiveRegularFile, toFileDoc, type FileRow } from '../files/file-rows.ts';
import { sniffMime } from '../files/mime.ts';
import { overQuota } from '../files/quota.ts';
import { contentLimit, hashMismatch, parseContentLength } from '../files/upload.ts';
import type { InstanceDatabases } from '../instances/instance-databases.ts';
import { bumpSeq } from '../changes/write-seq.ts';
import { usage } from '../files/usage.ts';
import type { InstanceRecord } from '../instances/instance-records.ts';
import { dropOldestVersionsToFit, keepCurrentAsVersion, setContent, thinVersions } from './version-rows.ts';

export interface OverwriteRequest {
  instance: InstanceRecord;
  id: string;
  /** The raw headers, if any. */
  contentDigest: string | undefined;
  contentLength: string | undefined;
  ifMatch: string | undefined;
  body: Readable;
}

/** `If-Match` (RFC 9110 §13.1.1, strong comparison): `*` or one of the listed ETags. */
function matches(ifMatch: string, sha256: string | null): boolean {
  return ifMatch.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed === `"${sha256 ?? ''}"`;
  });
}

/** The live file to overwrite, still as the caller last saw it (`If-Match`). */
async function fileToOverwrite(db: SqlDb, id: string, ifMatch: string | undefined): Promise<FileRow> {
  const file = await getLiveRegularFile(db, id);
  if (ifMatch !== undefined && !matches(ifMatch, file.sha256)) {
    throw new HttpError(412, 'precondition_failed', 'Ce fichier a été modifié entre-temps.');
  }
  return file;
}

/**
 * The most the new content may take: what the quota leaves once every version is counted as
 * room (the oldest go first when needed), the content being replaced included (it would be a version).
 */
async function roomFor(db: SqlDb, instance: InstanceRecord, file: FileRow): Promise<number> {
  const used = await usage(db);
  return Math.max(0, instance.quotaBytes - (used.files + used.trash - (file.size ?? 0)));
}

/**
 * `PUT /files/:id/content`: the body is streamed into a new blob (durable before the answer,
 * checked against its digest), then in one transaction the file takes it and its previous
 * content becomes a version; versions are thinned, and the oldest of the space dropped when the
 * quota needs it. Identical bytes change nothing. Any refusal leaves everything as it was.
 */
export async function overwriteFile(databases: InstanceDatabases, maxFileBytes: number, request: OverwriteRequest): Promise<FileDoc> {
  const { instance, id, ifMatch } = request;
  const expected = parseContentDigest(request.contentDigest);
  const declared = parseContentLength(request.contentLength);
  const { blobs } = databases;
  const db = databases.db(instance.id);
  const file = await fileToOverwrite(db, id, ifMatch);
  const room = await roomFor(db, instance, file);
  const { limit, overLimit } = contentLimit(maxFileBytes, room, declared);

  const key = randomUUID();
  const stored = await blobs.write(instance.id, key, request.body, limit, overLimit);
  let outcome: { file: FileDoc; unused: string[] };
  try {
    if (expected && !timingSafeEqual(expected, stored.sha256)) throw hashMismatch();
    const sha256 = stored.sha256.toString('hex');
    const mime = await sniffMime(() => blobs.read(instance.id, key), stored.head, file.name);
    outcome = await db.transaction(async () => {
      const current = await fileToOverwrite(db, id, ifMatch);
      if (current.sha256 === sha256) return { file: toFileDoc(current), unused: [key] };
      const seq = await bumpSeq(db);
      await keepCurrentAsVersion(db, current);
      await setContent(db, id, { blobKey: key, size: stored.size, sha256, mime }, seq);
      const thinned = await thinVersions(db, id, Date.now(), seq);
      const used = await usage(db);
      const excess = used.files + used.trash + used.versions - instance.quotaBytes;
      const dropped = await dropOldestVersionsToFit(db, excess, seq, overQuota);
      return { file: toFileDoc(await getFile(db, id)), unused: [...thinned, ...dropped] };
    });
  } catch (error) {
    await blobs.remove(instance.id, [key]);
    throw error;
  }
  // After the commit: a failure or a crash here only leaves orphans, which fsck repairs.
  await blobs.remove(instance.id, outcome.unused);
  return outcome.file;
}
