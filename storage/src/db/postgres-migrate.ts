import type { Pool } from 'pg';
import { PostgresDb } from '@mytoutatice/sql';
import { POSTGRES_SCHEMA_VERSION, POSTGRES_STEPS } from './postgres-schema.ts';

/**
 * Brings the instance schema to POSTGRES_SCHEMA_VERSION, one transaction for all missing steps,
 * under the instance's writer lock (another storage process may be doing the same). A schema
 * newer than this code is refused rather than misread.
 */
export async function migratePostgresInstance(pool: Pool, schema: string): Promise<void> {
  const db = new PostgresDb(pool, schema);
  await db.transaction(() => runMissingSteps(db, schema));
}

/** The steps `db`'s schema lacks; call inside a transaction of `db`. */
export async function runMissingSteps(db: PostgresDb, schema: string): Promise<void> {
  const found = Number((await db.get('SELECT version FROM schema_version'))?.version);
  if (found > POSTGRES_SCHEMA_VERSION) throw new Error(`instance schema ${schema} is at ${found}, newer than ${POSTGRES_SCHEMA_VERSION}`);
  const missing = POSTGRES_STEPS.slice(found - (POSTGRES_SCHEMA_VERSION - POSTGRES_STEPS.length));
  for (const step of missing) await db.exec(step);
  if (missing.length > 0) await db.run('UPDATE schema_version SET version = ?', POSTGRES_SCHEMA_VERSION);
}
