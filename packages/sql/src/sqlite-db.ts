import { AsyncLocalStorage } from 'node:async_hooks';
import type { DatabaseSync, SQLInputValue, StatementSync } from 'node:sqlite';
import { AsyncLock } from './async-lock.ts';
import type { Row, SqlDb, SqlValue } from './sql-db.ts';

/**
 * A node:sqlite handle behind the async SqlDb door. Statements run synchronously (they are
 * microseconds), compiled once per handle. Transactions take a lock per handle, because a
 * transaction's work awaits between its statements and other requests share the connection.
 */
export class SqliteDb implements SqlDb {
  readonly dialect = 'sqlite';
  readonly #open: () => DatabaseSync;
  #db: DatabaseSync;
  readonly #statements = new Map<string, StatementSync>();
  readonly #lock = new AsyncLock();
  /** Set in the async context of this handle's running transaction. */
  readonly #inTransaction = new AsyncLocalStorage<true>();
  #closing = false;

  /** `open` gives a ready handle (configured, migrated); it is called again if used after close. */
  constructor(open: () => DatabaseSync) {
    this.#open = open;
    this.#db = open();
  }

  #handle(): DatabaseSync {
    if (!this.#db.isOpen) {
      // Used after an eviction closed it (by a request that began before): open it again.
      this.#db = this.#open();
      this.#statements.clear();
      this.#closing = false;
    }
    return this.#db;
  }

  #statement(sql: string): StatementSync {
    const db = this.#handle();
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  /** Runs `query` now if no other context's transaction is open, else once it has ended. */
  async #outsideOthers<T>(query: () => T): Promise<T> {
    if (this.#inTransaction.getStore() === undefined) {
      while (this.#lock.held) await this.#lock.idle();
    }
    return query();
  }

  get(sql: string, ...params: SqlValue[]): Promise<Row | undefined> {
    return this.#outsideOthers(() => this.#statement(sql).get(...(params as SQLInputValue[])));
  }

  all(sql: string, ...params: SqlValue[]): Promise<Row[]> {
    return this.#outsideOthers(() => this.#statement(sql).all(...(params as SQLInputValue[])));
  }

  run(sql: string, ...params: SqlValue[]): Promise<number> {
    return this.#outsideOthers(() => Number(this.#statement(sql).run(...(params as SQLInputValue[])).changes));
  }

  exec(sql: string): Promise<void> {
    return this.#outsideOthers(() => this.#handle().exec(sql));
  }

  async transaction<T>(work: () => Promise<T>): Promise<T> {
    if (this.#inTransaction.getStore() !== undefined) return work();
    const release = await this.#lock.acquire();
    try {
      // IMMEDIATE takes the write lock at once: no upgrade deadlock with another process (the CLI).
      this.#handle().exec('BEGIN IMMEDIATE');
      try {
        const result = await this.#inTransaction.run(true, work);
        this.#db.exec('COMMIT');
        return result;
      } catch (error) {
        this.#db.exec('ROLLBACK');
        throw error;
      }
    } finally {
      release();
      if (this.#closing && !this.#lock.held) this.#db.close();
    }
  }

  /** Closes the handle, once a transaction still running on it has ended. */
  close(): void {
    this.#closing = true;
    if (!this.#lock.held && this.#db.isOpen) this.#db.close();
  }
}
