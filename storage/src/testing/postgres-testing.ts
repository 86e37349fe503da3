/**
 * What benchmarks outside the storage need to measure metadata on PostgreSQL: a throwaway
 * cluster, the backend as the server runs it, and the schema it lays out per instance.
 */
export { startPostgresCluster } from './postgres-cluster.ts';
export type { PostgresCluster } from './postgres-cluster.ts';
export { PostgresBackend, instanceSchema } from '../db/postgres-backend.ts';
export { sortKey } from '../files/file-names.ts';
export { queryOnce } from './query-once.ts';
