import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASE_ENV, testDatabase, type TestDatabase } from '../testing/test-database.ts';
import { PostgresBackend } from './postgres-backend.ts';
import { POSTGRES_SCHEMA_VERSION } from './postgres-schema.ts';

/** Only on the suite's PostgreSQL run (the embedded run has no cluster). */
describe.skipIf(!process.env[TEST_DATABASE_ENV])(PostgresBackend.name, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = (await testDatabase()) as TestDatabase;
  });
  afterAll(() => database.drop());

  /** A backend that has run `ready()`, closed after `work`. */
  async function withBackend<T>(work: (backend: PostgresBackend) => Promise<T>): Promise<T> {
    const backend = new PostgresBackend(database.url, 2);
    try {
      await backend.ready();
      return await work(backend);
    } finally {
      await backend.close();
    }
  }

  it('upgrades an instance made by the previous release at boot, keeping its files', async () => {
    const id = randomUUID();
    await withBackend(async (backend) => {
      await backend.registry.run(
        'INSERT INTO instances (id, slug, email, quota_bytes, created_at) VALUES (?, ?, ?, ?, ?)',
        id,
        `u-${id.slice(0, 8)}`,
        'u@example.org',
        1000,
        '2026-01-01',
      );
      await backend.createInstance(id, '2026-01-01T00:00:00.000Z');
      const db = backend.instance(id);
      await db.run(
        `INSERT INTO files (id, parent_id, type, name, sort_key, size, mime, sha256, created_at, updated_at, seq)
         VALUES ('f1', 'root', 'file', 'a.txt', 'a.txt', 5, 'text/plain', 'abc', '2026-01-02', '2026-01-02', 1)`,
      );
      // The schema as release 3 made it.
      await db.exec('DROP TABLE file_versions; ALTER TABLE files DROP COLUMN blob_key; UPDATE schema_version SET version = 3;');
    });

    await withBackend(async (backend) => {
      const db = backend.instance(id);
      expect(await db.get('SELECT version FROM schema_version')).toEqual({ version: POSTGRES_SCHEMA_VERSION });
      expect(await db.all('SELECT id, blob_key FROM files ORDER BY id')).toEqual([
        { id: 'f1', blob_key: 'f1' },
        { id: 'root', blob_key: null },
        { id: 'trash', blob_key: null },
      ]);
      expect(await db.all('SELECT * FROM file_versions')).toEqual([]);
      await db.run('UPDATE schema_version SET version = ?', POSTGRES_SCHEMA_VERSION + 1);
    });

    await expect(withBackend(async () => undefined)).rejects.toThrow(/newer/);
  });
});
