import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { ROOT_ID } from '@mytoutatice/contract';
import { prepared } from './prepared.ts';

const SCHEMA_VERSION = 1;

const SCHEMA = `
  CREATE TABLE files (
    id TEXT PRIMARY KEY,
    parent_id TEXT REFERENCES files (id),
    type TEXT NOT NULL CHECK (type IN ('directory', 'file')),
    name TEXT NOT NULL,
    -- What listings sort by: lower case without accents, so « Été » sits beside « ete ».
    sort_key TEXT NOT NULL,
    size INTEGER,
    mime TEXT,
    sha256 TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    seq INTEGER NOT NULL
  );
  CREATE UNIQUE INDEX files_unique_name ON files (parent_id, name);
  CREATE INDEX files_listing ON files (parent_id, type, sort_key, name, id);

  CREATE TABLE documents (
    doctype TEXT NOT NULL,
    id TEXT NOT NULL,
    rev TEXT NOT NULL,
    data TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    seq INTEGER NOT NULL,
    PRIMARY KEY (doctype, id)
  ) WITHOUT ROWID;
  CREATE INDEX documents_listing ON documents (doctype, created_at, id);

  CREATE TABLE app_passwords (
    id TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    algorithm TEXT NOT NULL,
    salt TEXT NOT NULL,
    hash TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_used_at TEXT
  );

  -- Bumped by every write; the changes feed will follow it.
  CREATE TABLE seq (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    value INTEGER NOT NULL
  );
  INSERT INTO seq (id, value) VALUES (1, 0);
`;

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

/** Opens an existing instance's database (never creates one: a missing file is a bug). */
export function openInstanceDb(paths: InstancePaths): DatabaseSync {
  if (!existsSync(paths.database)) throw new Error(`instance database missing: ${paths.database}`);
  const db = new DatabaseSync(paths.database, { timeout: 5000 });
  configure(db);
  const version = Number(db.prepare('PRAGMA user_version').get()?.user_version ?? 0);
  if (version !== SCHEMA_VERSION) {
    db.close();
    throw new Error(`instance database ${paths.database} has schema ${version}, expected ${SCHEMA_VERSION}`);
  }
  return db;
}

/** Lays out a new instance: folders, database with its schema and the root folder. */
export function createInstanceFiles(paths: InstancePaths, now: string): void {
  mkdirSync(paths.content, { recursive: true });
  mkdirSync(paths.tmp, { recursive: true });
  const db = new DatabaseSync(paths.database, { timeout: 5000 });
  try {
    configure(db);
    transaction(db, () => {
      db.exec(SCHEMA);
      db.prepare(
        `INSERT INTO files (id, parent_id, type, name, sort_key, size, mime, sha256, created_at, updated_at, seq)
         VALUES (?, NULL, 'directory', '', '', NULL, NULL, NULL, ?, ?, 0)`,
      ).run(ROOT_ID, now, now);
      db.exec(`PRAGMA user_version = ${SCHEMA_VERSION}`);
    });
  } finally {
    db.close();
  }
}

/** Runs `work` in one write transaction (taken at once, so no upgrade deadlock under WAL). */
export function transaction<T>(db: DatabaseSync, work: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}

/** The next value of the instance's write sequence; call inside the write's transaction. */
export function bumpSeq(db: DatabaseSync): number {
  const row = prepared(db, 'UPDATE seq SET value = value + 1 WHERE id = 1 RETURNING value').get();
  return Number(row?.value);
}

export function usedBytes(db: DatabaseSync): number {
  const row = prepared(db, `SELECT COALESCE(SUM(size), 0) AS used FROM files WHERE type = 'file'`).get();
  return Number(row?.used ?? 0);
}
