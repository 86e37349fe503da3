import { randomUUID } from 'node:crypto';
import { freshDatabase, type FreshDatabase } from '@mytoutatice/sql/testing';
import type { BlobConfig } from '../../src/blobs/blob-config.ts';
import type { S3BlobStoreConfig } from '../../src/blobs/s3-blob-store.ts';

/** Set by the test setup that started a PostgreSQL cluster (vitest's `postgres` project). */
export const TEST_DATABASE_ENV = 'STORAGE_TEST_DATABASE_URL';
/** Set by the same setup: the S3 test server's config, as JSON. */
export const TEST_S3_ENV = 'STORAGE_TEST_S3';

/**
 * Whether this test file belongs to the production-shaped run (vitest's `postgres` project sets
 * it). The servers' addresses above are in every worker's environment once that project's setup
 * ran, so they alone would turn the embedded run into a second PostgreSQL run.
 */
export const PRODUCTION_SHAPED = process.env.STORAGE_SUITE_RUN === 'production';

export type TestDatabase = FreshDatabase;

/** Whether this run keeps contents on the S3 test server (tests of the on-disk layout skip). */
export const ON_S3 = PRODUCTION_SHAPED && process.env[TEST_S3_ENV] !== undefined;

/** A prefix of its own on the S3 test server, when the suite runs production-shaped; else undefined. */
export function testBucket(): BlobConfig | undefined {
  const raw = process.env[TEST_S3_ENV];
  if (!PRODUCTION_SHAPED || !raw) return undefined;
  return { kind: 's3', ...(JSON.parse(raw) as S3BlobStoreConfig), prefix: `h${randomUUID().replaceAll('-', '')}/` };
}

/**
 * A fresh database per storage harness when the suite runs on PostgreSQL, so harnesses in
 * parallel files never share a registry; undefined on the embedded (SQLite) run.
 */
export async function testDatabase(): Promise<TestDatabase | undefined> {
  const maintenance = process.env[TEST_DATABASE_ENV];
  if (!PRODUCTION_SHAPED || !maintenance) return undefined;
  return freshDatabase(maintenance);
}
