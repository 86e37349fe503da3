import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { migrate } from './instance-migrations.ts';
import type { SqlDb } from '@mytoutatice/sql';

/** Where one instance's things live under STORAGE_DATA_DIR. */
export interface InstancePaths {
  root: string;
  database: string;
  content: string;
  tmp: string;
}

export function instancePaths(dataDir: string, instanceId: string): InstancePaths {
  const root = join(dataDir, 'instances', instanceId);
  return { root, database: join(root, 'meta.sqlite'), content: join(root, 'content'), tmp: join(root, 'tmp') };
}

/** `content/<first 2 chars of the id>/<id>`. */
export function blobPath(paths: InstancePaths, fileId: string): string {
  return join(paths.content, fileId.slice(0, 2), fileId);
}

function configure(db: DatabaseSync): void {
  db.exec(`
    PRAGMA journal_mode = WAL;
    PRAGMA synchronous = NORMAL;
    PRAGMA foreign_keys = ON;
  `);
}

/** Opens an existing instance's database (never creates one: a missing file is a bug), upgraded in place. */
export function openInstanceDb(paths: InstancePaths): DatabaseSync {
  if (!existsSync(paths.database)) throw new Error(`instance database missing: ${paths.database}`);
  const db = new DatabaseSync(paths.database, { timeout: 5000 });
  try {
    configure(db);
    migrate(db, new Date().toISOString());
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/** Lays out a new instance: folders, database with its schema, the root and trash folders. */
export function createInstanceFiles(paths: InstancePaths, now: string): void {
  mkdirSync(paths.content, { recursive: true });
  mkdirSync(paths.tmp, { recursive: true });
  const db = new DatabaseSync(paths.database, { timeout: 5000 });
  try {
    configure(db);
    migrate(db, now);
  } finally {
    db.close();
  }
}

/** The next value of the instance's write sequence; call inside the write's transaction. */
export async function bumpSeq(db: SqlDb): Promise<number> {
  const row = await db.get('UPDATE seq SET value = value + 1 WHERE id = 1 RETURNING value');
  return Number(row?.value);
}

/** Everything counted against the quota: live files, the trash and files' versions. */
export function totalBytes(used: Usage): number {
  return used.files + used.trash + used.versions;
}

export async function usedBytes(db: SqlDb): Promise<number> {
  return totalBytes(await usage(db));
}

export interface Usage {
  files: number;
  trash: number;
  versions: number;
}

export async function usage(db: SqlDb): Promise<Usage> {
  const row = await db.get(
    `SELECT COALESCE(SUM(CASE WHEN trashed_at IS NULL THEN size END), 0) AS files,
            COALESCE(SUM(CASE WHEN trashed_at IS NULL THEN 0 ELSE size END), 0) AS trash,
            (SELECT COALESCE(SUM(size), 0) FROM file_versions) AS versions
     FROM files WHERE type = 'file'`,
  );
  return { files: Number(row?.files ?? 0), trash: Number(row?.trash ?? 0), versions: Number(row?.versions ?? 0) };
}

/**
 * Remembers a destroyed row for the changes feed, with its own sequence number; call inside the
 * destroying transaction so the row and its tombstone never disagree.
 */
export async function writeTombstone(db: SqlDb, kind: 'file' | 'document', id: string, doctype: string | null = null): Promise<void> {
  await db.run('INSERT INTO tombstones (id, kind, doctype, seq) VALUES (?, ?, ?, ?)', id, kind, doctype, await bumpSeq(db));
}
