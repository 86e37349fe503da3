import { randomUUID } from 'node:crypto';
import pg from 'pg';

/** Set by the test setup that started a PostgreSQL cluster (vitest's `postgres` project). */
export const TEST_DATABASE_ENV = 'STORAGE_TEST_DATABASE_URL';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

async function onMaintenance(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A fresh database per storage harness when the suite runs on PostgreSQL, so harnesses in
 * parallel files never share a registry; undefined on the embedded (SQLite) run.
 */
export async function testDatabase(): Promise<TestDatabase | undefined> {
  const maintenance = process.env[TEST_DATABASE_ENV];
  if (!maintenance) return undefined;
  const name = `t_${randomUUID().replaceAll('-', '')}`;
  await onMaintenance(maintenance, `CREATE DATABASE ${name}`);
  const url = new URL(maintenance);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => onMaintenance(maintenance, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
