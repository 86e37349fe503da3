import { existsSync, mkdirSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { migrate } from '../instances/instance-migrations.ts';
import type { InstancePaths } from '../instances/instance-paths.ts';

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
