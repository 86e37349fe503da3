import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase, type TestDatabase } from '../testing/test-database.ts';
import { PostgresBackend, instanceSchema } from './postgres-backend.ts';
import { PostgresDb } from './postgres-db.ts';
import { POSTGRES_SCHEMA_VERSION, baselineDdl } from './postgres-schema.ts';

// Only on the PostgreSQL run (vitest project `postgres`), which provides a cluster.
describe.skipIf(!process.env.STORAGE_TEST_DATABASE_URL)('PostgreSQL instance migrations', () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  beforeAll(async () => {
    const made = await testDatabase();
    if (!made) throw new Error('no test database');
    database = made;
    pool = new pg.Pool({ connectionString: database.url, max: 2 });
  });
  afterAll(async () => {
    await pool.end();
    await database.drop();
  });

  /** An instance as the first PostgreSQL release made it: the baseline schema, with a file. */
  async function baselineInstance(): Promise<string> {
    const id = randomUUID();
    const schema = instanceSchema(id);
    const bare = new PostgresDb(pool, schema);
    await bare.transaction(() => bare.exec(`CREATE SCHEMA "${schema}"; ${baselineDdl('2026-09-01T00:00:00.000Z')}`));
    await bare.run(
      `INSERT INTO files (id, parent_id, type, name, sort_key, size, created_at, updated_at, seq) VALUES (?, 'root', 'file', ?, ?, 3, ?, ?, 1)`,
      'f1',
      'Été.txt',
      'ete.txt',
      '2026-09-02',
      '2026-09-02',
    );
    return id;
  }

  it('upgrades an instance made at an older version when it is first used, keeping its data', async () => {
    const id = await baselineInstance();
    const backend = new PostgresBackend(database.url, 2);
    try {
      const db = backend.instance(id);
      expect(await db.all('SELECT id, name FROM files WHERE id = ?', 'f1')).toEqual([{ id: 'f1', name: 'Été.txt' }]);
      expect(await db.get('SELECT version FROM schema_version')).toEqual({ version: POSTGRES_SCHEMA_VERSION });
      // The steps' tables are there.
      expect(await db.all('SELECT * FROM file_references')).toEqual([]);
    } finally {
      await backend.close();
    }
  });

  it('refuses a schema newer than the code rather than misreading it', async () => {
    const id = await baselineInstance();
    await new PostgresDb(pool, instanceSchema(id)).run('UPDATE schema_version SET version = ?', POSTGRES_SCHEMA_VERSION + 1);
    const backend = new PostgresBackend(database.url, 2);
    try {
      await expect(backend.instance(id).get('SELECT 1 AS one')).rejects.toThrow(/newer/);
    } finally {
      await backend.close();
    }
  });

  it('makes new instances at the current version', async () => {
    const backend = new PostgresBackend(database.url, 2);
    try {
      await backend.ready();
      const id = randomUUID();
      await backend.createInstance(id, new Date().toISOString());
      expect(await backend.instance(id).get('SELECT version FROM schema_version')).toEqual({ version: POSTGRES_SCHEMA_VERSION });
    } finally {
      await backend.close();
    }
  });
});
