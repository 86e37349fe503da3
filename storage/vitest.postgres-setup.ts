import { startPostgresCluster } from './src/testing/postgres-cluster.ts';
import { TEST_DATABASE_ENV } from './src/testing/test-database.ts';

/** The storage suite's PostgreSQL run: one throwaway cluster; each harness makes its own database in it. */
export default async function setup(): Promise<() => void> {
  const cluster = await startPostgresCluster();
  process.env[TEST_DATABASE_ENV] = cluster.url;
  return () => cluster.stop();
}
