import { startS3TestServer } from './test/blobs/s3-test-server.ts';
import { startPostgresCluster } from '@mytoutatice/sql/testing';
import { TEST_DATABASE_ENV, TEST_S3_ENV } from './test/harness/test-database.ts';

/**
 * The storage suite's production-shaped run: metadata on a throwaway PostgreSQL cluster (each
 * harness makes its own database) and contents on an S3 test server (each harness its own prefix).
 */
export default async function setup(): Promise<() => Promise<void>> {
  const [cluster, s3] = await Promise.all([startPostgresCluster(), startS3TestServer()]);
  process.env[TEST_DATABASE_ENV] = cluster.url;
  process.env[TEST_S3_ENV] = JSON.stringify(s3.config);
  return async () => {
    cluster.stop();
    await s3.stop();
  };
}
