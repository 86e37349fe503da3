import pg from 'pg';
import type { MetadataBackend } from './metadata-backend.ts';
import { PostgresDb } from './postgres-db.ts';
import { POSTGRES_SCHEMA_VERSION, POSTGRES_UPGRADES, REGISTRY_DDL, instanceDdl } from './postgres-schema.ts';

const INT8 = 20;
const NUMERIC = 1700;

/**
 * BIGINT and SUM() come back as JavaScript numbers, like SQLite's integers: sizes and sequences
 * stay far below 2^53.
 */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8 || oid === NUMERIC) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
};

/** `i_<uuid without dashes>`: one schema per instance. */
export function instanceSchema(instanceId: string): string {
  return `i_${instanceId.toLowerCase().replaceAll('-', '')}`;
}

/**
 * Metadata on PostgreSQL: the registry in schema `registry`, each instance in a schema of its
 * own on one connection pool (see docs/architecture.md for why schemas rather than keyed rows).
 */
export class PostgresBackend implements MetadataBackend {
  readonly registry: PostgresDb;
  readonly #pool: pg.Pool;
  readonly #instances = new Map<string, PostgresDb>();
  #ready: Promise<void> | undefined;

  constructor(connectionString: string, maxConnections = 10) {
    this.#pool = new pg.Pool({ connectionString, max: maxConnections, types });
    this.registry = new PostgresDb(this.#pool, 'registry');
  }

  /** Creates the registry schema if missing and upgrades older instance schemas; call once before serving. */
  ready(): Promise<void> {
    this.#ready ??= (async () => {
      await this.#pool.query(REGISTRY_DDL);
      const instances = await this.registry.all('SELECT id FROM instances');
      for (const row of instances) await this.#upgrade(String(row.id));
    })();
    return this.#ready;
  }

  /**
   * Brings an instance schema to the current version, one step per transaction. The version is
   * read inside it (the transaction's lock makes another process beside this one wait), and a
   * schema newer than this code is refused rather than misread.
   */
  async #upgrade(instanceId: string): Promise<void> {
    const db = this.instance(instanceId);
    for (;;) {
      const done = await db.transaction(async () => {
        const found = Number((await db.get('SELECT version FROM schema_version'))?.version);
        if (found > POSTGRES_SCHEMA_VERSION) throw new Error(`instance ${instanceId} has schema ${found}, newer than ${POSTGRES_SCHEMA_VERSION}`);
        if (found === POSTGRES_SCHEMA_VERSION) return true;
        const step = POSTGRES_UPGRADES[found];
        if (step === undefined) throw new Error(`instance ${instanceId}: no upgrade from schema ${found}`);
        await db.exec(step);
        await db.run('UPDATE schema_version SET version = ?', found + 1);
        return false;
      });
      if (done) return;
    }
  }

  instance(instanceId: string): PostgresDb {
    let db = this.#instances.get(instanceId);
    if (!db) {
      db = new PostgresDb(this.#pool, instanceSchema(instanceId));
      this.#instances.set(instanceId, db);
    }
    return db;
  }

  async createInstance(instanceId: string, now: string): Promise<void> {
    const db = this.instance(instanceId);
    await db.transaction(() => db.exec(`CREATE SCHEMA "${instanceSchema(instanceId)}"; ${instanceDdl(now)}`));
  }

  async removeInstance(instanceId: string): Promise<void> {
    this.#instances.delete(instanceId);
    await this.#pool.query(`DROP SCHEMA IF EXISTS "${instanceSchema(instanceId)}" CASCADE`);
  }

  async close(): Promise<void> {
    await this.#pool.end();
  }
}
