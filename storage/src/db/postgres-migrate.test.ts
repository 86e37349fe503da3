import { createHash, randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRODUCTION_SHAPED, testDatabase, type TestDatabase } from '../../test/harness/test-database.ts';
import { PostgresBackend, instanceSchema } from './postgres-backend.ts';
import { PostgresDb } from '@mytoutatice/sql';
import { POSTGRES_SCHEMA_VERSION, baselineDdl } from './postgres-schema.ts';

// Only on the PostgreSQL run (vitest project `postgres`), which provides a cluster.
describe.skipIf(!PRODUCTION_SHAPED)('PostgreSQL instance migrations', () => {
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
      // Its daily trash purge is scheduled, a first run due at once.
      expect(await db.all('SELECT kind, state, schedule FROM jobs')).toEqual([{ kind: 'trash.purge', state: 'queued', schedule: 'trash.purge' }]);
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

  it('serves name search from the trigram index', async () => {
    const backend = new PostgresBackend(database.url, 2);
    try {
      await backend.ready();
      const id = randomUUID();
      await backend.createInstance(id, new Date().toISOString());
      const db = backend.instance(id);
      await db.exec(`
        INSERT INTO files (id, parent_id, type, name, sort_key, created_at, updated_at, seq)
        SELECT 'f' || g, 'root', 'file', md5(g::text), md5(g::text), '2026-01-01', '2026-01-01', 1
        FROM generate_series(1, 20000) AS g;
        ANALYZE files;`);
      const needle = createHash('md5').update('4242').digest('hex').slice(5, 15);
      const plan = await db.all(`EXPLAIN SELECT id FROM files WHERE trashed_at IS NULL AND sort_key LIKE ? ESCAPE '\\'`, `%${needle}%`);
      expect(plan.map((row) => String(row['QUERY PLAN'])).join('\n')).toContain('files_search_trgm');
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
