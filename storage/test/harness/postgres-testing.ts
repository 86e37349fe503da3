/**
 * What benchmarks outside the storage need to measure metadata on PostgreSQL: a throwaway
 * cluster, the backend as the server runs it, and the schema it lays out per instance.
 */
export { queryOnce, startPostgresCluster } from '@mytoutatice/sql/testing';
export type { PostgresCluster } from '@mytoutatice/sql/testing';
export { PostgresBackend, instanceSchema } from '../../src/db/postgres-backend.ts';
export { sortKey } from '../../src/files/file-names.ts';
