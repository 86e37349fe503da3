import { AsyncLocalStorage } from 'node:async_hooks';
import type { Pool, PoolClient } from 'pg';
import { numberedPlaceholders, type Row, type SqlDb, type SqlValue } from './sql-db.ts';

/** The search_path each pooled connection was last given, so it is set only when it changes. */
const searchPaths = new WeakMap<PoolClient, string>();

/**
 * PostgreSQL text cannot hold NUL, so no stored value has one (names refuse control characters,
 * documents refuse NUL): a lookup with one must match nothing, as on SQLite, rather than fail.
 */
function withoutNul(value: SqlValue): SqlValue {
  // pg sends a Buffer as bytea, any other byte view as text.
  if (value instanceof Uint8Array && !Buffer.isBuffer(value)) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  return typeof value === 'string' && value.includes('\0') ? value.replaceAll('\0', '\uFFFD') : value;
}

/**
 * One instance's schema on a shared PostgreSQL pool. Every statement runs with the connection's
 * search_path on that schema (set on checkout when it differs), so the embedded SQL runs as is
 * and one instance's statements cannot name another's tables.
 */
export class PostgresDb implements SqlDb {
  readonly dialect = 'postgres';
  readonly #pool: Pool;
  readonly #schema: string;
  readonly #inTransaction = new AsyncLocalStorage<PoolClient>();
  readonly #prepare: (() => Promise<void>) | undefined;
  #prepared: Promise<void> | undefined;

  /** `prepare` runs once before the first statement (the schema's migrations); a failure is retried on next use. */
  constructor(pool: Pool, schema: string, prepare?: () => Promise<void>) {
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`unsafe schema name: ${schema}`);
    this.#pool = pool;
    this.#schema = schema;
    this.#prepare = prepare;
  }

  async #checkout(): Promise<PoolClient> {
    if (this.#prepare) {
      this.#prepared ??= this.#prepare().catch((error: unknown) => {
        this.#prepared = undefined;
        throw error;
      });
      await this.#prepared;
    }
    const client = await this.#pool.connect();
    try {
      if (searchPaths.get(client) !== this.#schema) {
        await client.query(`SET search_path TO "${this.#schema}"`);
        searchPaths.set(client, this.#schema);
      }
      return client;
    } catch (error) {
      client.release(error as Error);
      throw error;
    }
  }

  async #query(sql: string, rawParams: SqlValue[]): Promise<{ rows: Row[]; rowCount: number | null }> {
    const text = numberedPlaceholders(sql);
    const params = rawParams.map(withoutNul);
    const inTransaction = this.#inTransaction.getStore();
    if (inTransaction) return inTransaction.query(text, params);
    const client = await this.#checkout();
    try {
      return await client.query(text, params);
    } finally {
      client.release();
    }
  }

  async get(sql: string, ...params: SqlValue[]): Promise<Row | undefined> {
    return (await this.#query(sql, params)).rows[0];
  }

  async all(sql: string, ...params: SqlValue[]): Promise<Row[]> {
    return (await this.#query(sql, params)).rows;
  }

  async run(sql: string, ...params: SqlValue[]): Promise<number> {
    return (await this.#query(sql, params)).rowCount ?? 0;
  }

  async exec(sql: string): Promise<void> {
    const inTransaction = this.#inTransaction.getStore();
    if (inTransaction) {
      await inTransaction.query(sql);
      return;
    }
    const client = await this.#checkout();
    try {
      await client.query(sql);
    } finally {
      client.release();
    }
  }

  async transaction<T>(work: () => Promise<T>): Promise<T> {
    if (this.#inTransaction.getStore()) return work();
    const client = await this.#checkout();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      try {
        // Writers of one instance take turns, as SQLite's BEGIN IMMEDIATE makes them: a name
        // checked free is still free when the row goes in, and seq order is commit order.
        await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [this.#schema]);
        const result = await this.#inTransaction.run(client, work);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch((rollbackError: unknown) => {
          broken = rollbackError as Error;
        });
        throw error;
      }
    } finally {
      client.release(broken);
    }
  }
}
