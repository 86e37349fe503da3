import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openInstanceDb, createInstanceFiles } from '../db/sqlite-instance-files.ts';
import { instancePaths, type InstancePaths } from './instance-paths.ts';
import { MIGRATIONS, SCHEMA_VERSION, migrate } from './instance-migrations.ts';

const columnsOf = (db: DatabaseSync, table: string) =>
  db.prepare(`PRAGMA table_info(${table})`).all().map((column) => String(column.name));
const indexesOf = (db: DatabaseSync) =>
  db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'`).all().map((row) => String(row.name));
const version = (db: DatabaseSync) => Number(db.prepare('PRAGMA user_version').get()?.user_version);

describe(migrate.name, () => {
  let dir: string;
  let paths: InstancePaths;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mytoutatice-migrations-'));
    paths = instancePaths(dir, 'a6f1c0de-0000-4000-8000-000000000001');
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  /** A database as the first release wrote it: schema 1, with a folder, a file and a document. */
  async function v1Database(): Promise<void> {
    await mkdir(paths.root, { recursive: true });
    const db = new DatabaseSync(paths.database);
    migrate(db, '2025-09-01T00:00:00.000Z', 1);
    db.exec(`
      INSERT INTO files VALUES ('d1', 'root', 'directory', 'Cours', 'cours', NULL, NULL, NULL, '2025-09-02', '2025-09-02', 1);
      INSERT INTO files VALUES ('f1', 'd1', 'file', 'Été.txt', 'ete.txt', 5, 'text/plain', 'abc', '2025-09-03', '2025-09-04', 2);
      INSERT INTO documents VALUES ('io.mytoutatice.notes', 'n1', '1-a', '{"title":"Maths"}', '2025-09-05', '2025-09-05', 3);
      UPDATE seq SET value = 3;
    `);
    expect(version(db)).toBe(1);
    db.close();
  }

  it('upgrades a version 1 database in place, keeping its data', async () => {
    await v1Database();
    const db = openInstanceDb(paths);
    try {
      expect(version(db)).toBe(SCHEMA_VERSION);
      expect(columnsOf(db, 'files')).toEqual(
        expect.arrayContaining(['trashed_at', 'restore_path', 'restore_name', 'favorite', 'uploaded_at']),
      );
      expect(columnsOf(db, 'tombstones')).toEqual(['id', 'kind', 'doctype', 'seq']);
      expect(indexesOf(db)).toEqual(
        expect.arrayContaining(['files_seq', 'documents_seq', 'tombstones_seq', 'files_search', 'files_recent', 'files_trash']),
      );
      const file = db.prepare(`SELECT * FROM files WHERE id = 'f1'`).get();
      expect(file).toMatchObject({
        parent_id: 'd1',
        name: 'Été.txt',
        size: 5,
        trashed_at: null,
        favorite: 0,
        uploaded_at: '2025-09-03',
        blob_key: 'f1',
        seq: 2,
      });
      expect(db.prepare(`SELECT blob_key FROM files WHERE id = 'd1'`).get()).toEqual({ blob_key: null });
      expect(columnsOf(db, 'file_versions')).toEqual(['id', 'file_id', 'blob_key', 'size', 'sha256', 'mime', 'created_at']);
      expect(db.prepare(`SELECT data FROM documents WHERE id = 'n1'`).get()).toEqual({ data: '{"title":"Maths"}' });
      expect(db.prepare('SELECT value FROM seq').get()).toEqual({ value: 3 });
      expect(db.prepare(`SELECT type, parent_id FROM files WHERE id = 'trash'`).get()).toEqual({ type: 'directory', parent_id: null });
      // Its daily trash purge is scheduled, a first run due at once.
      expect(db.prepare('SELECT kind, state, schedule FROM jobs').all()).toEqual([{ kind: 'trash.purge', state: 'queued', schedule: 'trash.purge' }]);
      expect(db.prepare('SELECT name, cron FROM job_schedules').all()).toEqual([{ name: 'trash.purge', cron: '0 3 * * *' }]);
    } finally {
      db.close();
    }
    // Opening again finds nothing left to do.
    const again = openInstanceDb(paths);
    expect(version(again)).toBe(SCHEMA_VERSION);
    again.close();
  });

  it('gives a new instance the latest schema through the same steps', async () => {
    createInstanceFiles(paths, '2026-01-01T00:00:00.000Z');
    const db = openInstanceDb(paths);
    expect(version(db)).toBe(MIGRATIONS.length);
    expect(db.prepare('SELECT id FROM files ORDER BY id').all().map((row) => row.id)).toEqual(['root', 'trash']);
    db.close();
  });

  it('leaves a database whole when a step fails, and refuses one newer than the code', async () => {
    await v1Database();
    const db = new DatabaseSync(paths.database);
    db.exec('CREATE TABLE tombstones (x TEXT)'); // makes step 2 fail half-way
    expect(() => migrate(db, '2026-01-01T00:00:00.000Z')).toThrow();
    expect(version(db)).toBe(1);
    expect(columnsOf(db, 'files')).not.toContain('trashed_at');
    db.exec('DROP TABLE tombstones');
    db.exec(`PRAGMA user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => openInstanceDb(paths)).toThrow(/newer/);
  });
});
