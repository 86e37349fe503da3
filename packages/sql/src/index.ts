export { numberedPlaceholders, indexedBy, positionSql } from './sql-db.ts';
export type { Dialect, Row, SqlDb, SqlValue } from './sql-db.ts';
export { SqliteDb } from './sqlite-db.ts';
export { PostgresDb } from './postgres-db.ts';
export { createPostgresPool } from './postgres-pool.ts';
export { AsyncLock, KeyedLock } from './async-lock.ts';
