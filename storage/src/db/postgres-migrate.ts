import type { Pool } from 'pg';
import { POSTGRES_SCHEMA_VERSION, POSTGRES_STEPS } from './postgres-schema.ts';

/**
 * Brings the instance schema to POSTGRES_SCHEMA_VERSION, one transaction for all missing steps,
 * under the instance's writer lock (another storage process may be doing the same). A schema
 * newer than this code is refused rather than misread.
 */
export async function migratePostgresInstance(pool: Pool, schema: string): Promise<void> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    try {
      await client.query(`SET LOCAL search_path TO "${schema}"`);
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [schema]);
      const found = Number((await client.query('SELECT version FROM schema_version')).rows[0]?.version);
      if (found > POSTGRES_SCHEMA_VERSION) throw new Error(`instance schema ${schema} is at ${found}, newer than ${POSTGRES_SCHEMA_VERSION}`);
      const missing = POSTGRES_STEPS.slice(found - (POSTGRES_SCHEMA_VERSION - POSTGRES_STEPS.length));
      for (const step of missing) await client.query(step);
      if (missing.length > 0) await client.query('UPDATE schema_version SET version = $1', [POSTGRES_SCHEMA_VERSION]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackError: unknown) => {
        broken = rollbackError as Error;
      });
      throw error;
    }
  } finally {
    client.release(broken);
  }
}
