import { randomUUID } from 'node:crypto';
import type { FileVersion } from '@mytoutatice/contract';
import { notFound } from '@mytoutatice/server-kit';
import type { SqlDb } from '@mytoutatice/sql';
import type { FileRow } from '../files/file-rows.ts';
import { versionsToThin } from './thinning.ts';

export interface VersionRow {
  id: string;
  fileId: string;
  blobKey: string;
  size: number;
  sha256: string;
  mime: string | null;
  createdAt: string;
}

function toVersionRow(row: Record<string, unknown>): VersionRow {
  return {
    id: String(row.id),
    fileId: String(row.file_id),
    blobKey: String(row.blob_key),
    size: Number(row.size),
    sha256: String(row.sha256),
    mime: row.mime === null ? null : String(row.mime),
    createdAt: String(row.created_at),
  };
}

export function toFileVersion(row: VersionRow): FileVersion {
  return { id: row.id, size: row.size, sha256: row.sha256, createdAt: row.createdAt };
}

/** Newest first. */
export async function listVersions(db: SqlDb, fileId: string): Promise<VersionRow[]> {
  const rows = await db.all('SELECT * FROM file_versions WHERE file_id = ? ORDER BY created_at DESC, id DESC', fileId);
  return rows.map(toVersionRow);
}

/** A version of this file: another file's or instance's version id is a 404, as an unknown one. */
export async function getVersion(db: SqlDb, fileId: string, versionId: string): Promise<VersionRow> {
  const row = await db.get('SELECT * FROM file_versions WHERE id = ? AND file_id = ?', versionId, fileId);
  if (!row) throw notFound('Cette version n’existe pas.');
  return toVersionRow(row);
}

/** The file's current content, kept as its newest version (when that content was written). */
export async function keepCurrentAsVersion(db: SqlDb, file: FileRow): Promise<void> {
  await db.run(
    'INSERT INTO file_versions (id, file_id, blob_key, size, sha256, mime, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    randomUUID(),
    file.id,
    file.blobKey,
    file.size ?? 0,
    file.sha256 ?? '',
    file.mime,
    file.uploadedAt ?? file.updatedAt,
  );
}

/** The file's content is now `content`'s: a new change of the file (`seq`). */
export async function setContent(
  db: SqlDb,
  fileId: string,
  content: Pick<VersionRow, 'blobKey' | 'size' | 'sha256' | 'mime'>,
  seq: number,
): Promise<void> {
  const now = new Date().toISOString();
  await db.run(
    'UPDATE files SET blob_key = ?, size = ?, sha256 = ?, mime = ?, updated_at = ?, uploaded_at = ?, seq = ? WHERE id = ?',
    content.blobKey,
    content.size,
    content.sha256,
    content.mime,
    now,
    now,
    seq,
    fileId,
  );
}

/**
 * Deletes these versions; each one's file gets `seq` (a version change is a change of its file,
 * for the feed). Returns their blob keys, to remove once the transaction has committed.
 */
export async function deleteVersions(db: SqlDb, versions: readonly VersionRow[], seq: number): Promise<string[]> {
  for (const version of versions) {
    await db.run('DELETE FROM file_versions WHERE id = ?', version.id);
    await db.run('UPDATE files SET seq = ? WHERE id = ?', seq, version.fileId);
  }
  return versions.map((version) => version.blobKey);
}

/** Deletes every version of a file being destroyed; returns their blob keys. */
export async function deleteAllVersions(db: SqlDb, fileId: string): Promise<string[]> {
  const rows = await db.all('DELETE FROM file_versions WHERE file_id = ? RETURNING blob_key', fileId);
  return rows.map((row) => String(row.blob_key));
}

/** Thins the file's versions as they age (thinning.ts); returns the removed ones' blob keys. */
export async function thinVersions(db: SqlDb, fileId: string, now: number, seq: number): Promise<string[]> {
  const versions = await listVersions(db, fileId);
  const drop = new Set(versionsToThin(versions.map((v) => ({ id: v.id, writtenAt: Date.parse(v.createdAt) })), now));
  return deleteVersions(db, versions.filter((version) => drop.has(version.id)), seq);
}

/**
 * Versions never make a save fail while they hold room: when the space is over its quota, the
 * oldest versions of the whole space go, until it fits. Returns their blob keys; throws `overQuota`
 * (from the caller) when even without versions it does not fit.
 */
export async function dropOldestVersionsToFit(db: SqlDb, excess: number, seq: number, overQuota: () => Error): Promise<string[]> {
  const oldest: VersionRow[] = [];
  let freed = 0;
  // By pages: a space may hold thousands of versions, and a few usually free enough.
  while (freed < excess) {
    const page = await db.all('SELECT * FROM file_versions ORDER BY created_at, id LIMIT 50 OFFSET ?', oldest.length);
    if (page.length === 0) throw overQuota();
    for (const row of page) {
      if (freed >= excess) break;
      const version = toVersionRow(row);
      oldest.push(version);
      freed += version.size;
    }
  }
  return deleteVersions(db, oldest, seq);
}
