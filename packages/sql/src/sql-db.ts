/** What a query binds: what both SQLite and PostgreSQL take without conversion (bytes: BLOB, bytea; read back as Uint8Array). */
export type SqlValue = string | number | null | Uint8Array;

export type Row = Record<string, unknown>;

export type Dialect = 'sqlite' | 'postgres';

/**
 * The one door to an instance's metadata, embedded (SQLite) or on PostgreSQL: the same SQL,
 * written with `?` placeholders in the subset both speak, runs on either. Calls made while a
 * `transaction` of this handle is running (in its async context) join that transaction; calls
 * from elsewhere wait for it to end, so nobody reads what is not committed.
 */
export interface SqlDb {
  readonly dialect: Dialect;
  get(sql: string, ...params: SqlValue[]): Promise<Row | undefined>;
  all(sql: string, ...params: SqlValue[]): Promise<Row[]>;
  /** Resolves to the number of rows changed. */
  run(sql: string, ...params: SqlValue[]): Promise<number>;
  /** Several statements, no parameters (schema changes). */
  exec(sql: string): Promise<void>;
  /**
   * Runs `work` in one write transaction; writers of the same instance take turns (SQLite's
   * BEGIN IMMEDIATE, a transaction-level advisory lock on PostgreSQL), so a check then a write
   * inside `work` cannot race another writer. Nested calls join the outer transaction.
   */
  transaction<T>(work: () => Promise<T>): Promise<T>;
}

/** `?` placeholders as PostgreSQL's `$1, $2 …` (our SQL never holds a `?` inside a string literal). */
export function numberedPlaceholders(sql: string): string {
  let index = 0;
  return sql.replace(/\?/g, () => `$${++index}`);
}

/** SQLite's `INDEXED BY` hint (its planner has no statistics here); PostgreSQL plans by its own. */
export function indexedBy(db: Pick<SqlDb, 'dialect'>, index: string): string {
  return db.dialect === 'sqlite' ? `INDEXED BY ${index}` : '';
}

/** 1-based position of `needle` in `haystack`, 0 when absent: SQLite's instr, PostgreSQL's strpos. */
export function positionSql(db: Pick<SqlDb, 'dialect'>, haystack: string, needle: string): string {
  return `${db.dialect === 'sqlite' ? 'instr' : 'strpos'}(${haystack}, ${needle})`;
}
