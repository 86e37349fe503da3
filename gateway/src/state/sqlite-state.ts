import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { SqliteDb } from '@mytoutatice/sql';
import { SQLITE_FILES, type SqliteFileSchema } from './sqlite-schema.ts';

/** The embedded gateway state: one SQLite file per store in the data folder, as deployed machines have them. */
export type SqliteState = { directory: SqliteDb; sharings: SqliteDb; links: SqliteDb };

export function openSqliteState(dataDir: string): SqliteState {
  mkdirSync(dataDir, { recursive: true });
  return {
    directory: new SqliteDb(() => openSqliteFile(dataDir, SQLITE_FILES.directory)),
    sharings: new SqliteDb(() => openSqliteFile(dataDir, SQLITE_FILES.sharings)),
    links: new SqliteDb(() => openSqliteFile(dataDir, SQLITE_FILES.links)),
  };
}

/**
 * One of the gateway's SQLite files, in WAL mode so that the reads every request makes do not
 * wait behind a write, foreign keys enforced, brought to its last step. The version is read
 * again inside the write lock: another process opening the same file may have run the steps.
 */
export function openSqliteFile(dataDir: string, schema: SqliteFileSchema): DatabaseSync {
  const db = new DatabaseSync(join(dataDir, schema.file));
  db.exec('PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON;');
  db.exec('BEGIN IMMEDIATE');
  try {
    db.exec(schema.baseline);
    const { user_version: version } = db.prepare('PRAGMA user_version').get() as { user_version: number };
    if (version > schema.steps.length) throw new Error(`${schema.file} is at version ${version}, newer than this gateway (${schema.steps.length})`);
    for (const step of schema.steps.slice(version)) db.exec(step);
    if (version < schema.steps.length) db.exec(`PRAGMA user_version = ${schema.steps.length}`);
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    db.close();
    throw error;
  }
  return db;
}
