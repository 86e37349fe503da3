import type pg from 'pg';
import { PostgresDb, createPostgresPool } from '@mytoutatice/sql';
import { EPOCH, forgetQueue, markDue } from '../jobs/due-index.ts';
import type { MetadataBackend } from './metadata-backend.ts';
import { migratePostgresInstance, runMissingSteps } from './postgres-migrate.ts';
import { REGISTRY_DDL, baselineDdl } from './postgres-schema.ts';

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
    this.#pool = createPostgresPool(connectionString, maxConnections);
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
