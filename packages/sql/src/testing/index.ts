export { startPostgresCluster } from './postgres-cluster.ts';
export type { PostgresCluster } from './postgres-cluster.ts';
export { queryOnce } from './query-once.ts';
export { freshDatabase } from './fresh-database.ts';
export type { FreshDatabase } from './fresh-database.ts';
