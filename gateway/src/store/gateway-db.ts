import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

/**
 * One of the gateway's own SQLite files in its data folder (directory, sharings, links), in WAL
 * mode so that the reads every request makes do not wait behind a write, foreign keys enforced.
 */
export function openGatewayDb(dataDir: string, file: string): DatabaseSync {
  mkdirSync(dataDir, { recursive: true });
  const db = new DatabaseSync(join(dataDir, file));
  db.exec('PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON;');
  return db;
}

/** Runs `work` in one write transaction, taken at once (BEGIN IMMEDIATE): all of it or none. */
export function inTransaction(db: DatabaseSync, work: () => void): void {
  db.exec('BEGIN IMMEDIATE');
  try {
    work();
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}
