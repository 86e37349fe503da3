import pg from 'pg';
import { EPOCH, forgetQueue, markDue } from '../jobs/due-index.ts';
import type { MetadataBackend } from './metadata-backend.ts';
import { PostgresDb } from './postgres-db.ts';
import { migratePostgresInstance, runMissingSteps } from './postgres-migrate.ts';
import { REGISTRY_DDL, baselineDdl } from './postgres-schema.ts';

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

const CONNECTION_MAX_USES = 5000;
const CONNECTION_MAX_SECONDS = 600;

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
    // A server process caches the catalog of every schema it touched (~126 KiB per instance,
    // bench/storage): connections are retired after a while, or after many checkouts under load.
    this.#pool = new pg.Pool({ connectionString, max: maxConnections, types, maxUses: CONNECTION_MAX_USES, maxLifetimeSeconds: CONNECTION_MAX_SECONDS });
    this.registry = new PostgresDb(this.#pool, 'registry');
  }

  /** Creates the registry schema if missing; call once before serving. */
  ready(): Promise<void> {
    this.#ready ??= this.#pool.query(REGISTRY_DDL).then(() => undefined);
    return this.#ready;
  }

  instance(instanceId: string): PostgresDb {
    let db = this.#instances.get(instanceId);
    if (!db) {
      const schema = instanceSchema(instanceId);
      db = new PostgresDb(this.#pool, schema, () => migratePostgresInstance(this.#pool, schema));
      this.#instances.set(instanceId, db);
    }
    return db;
  }

  async createInstance(instanceId: string, now: string): Promise<void> {
    const schema = instanceSchema(instanceId);
    const created = new PostgresDb(this.#pool, schema);
    // Baseline and steps in one transaction: the new schema is current when it appears, so this
    // process uses it as is rather than checking its version again on first use.
    await created.transaction(async () => {
      await created.exec(`CREATE SCHEMA "${schema}"; ${baselineDdl(now)}`);
      await runMissingSteps(created, schema);
      // Its first jobs (the steps queue them) are due: workers learn of it with the schema.
      await markDue(created, this.registry, instanceId, EPOCH);
    });
    this.#instances.set(instanceId, created);
  }

  async removeInstance(instanceId: string): Promise<void> {
    this.#instances.delete(instanceId);
    await forgetQueue(this.registry, instanceId);
    await this.#pool.query(`DROP SCHEMA IF EXISTS "${instanceSchema(instanceId)}" CASCADE`);
  }

  async close(): Promise<void> {
    await this.#pool.end();
  }
}
