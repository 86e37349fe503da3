import { startPostgresCluster } from '@mytoutatice/sql/testing';
import { GATEWAY_TEST_DATABASE_ENV } from './test/test-state.ts';

/** The gateway's state on a throwaway PostgreSQL cluster: each harness or store test makes its own database. */
export default async function setup(): Promise<() => void> {
  const cluster = await startPostgresCluster();
  process.env[GATEWAY_TEST_DATABASE_ENV] = cluster.url;
  return () => cluster.stop();
}
