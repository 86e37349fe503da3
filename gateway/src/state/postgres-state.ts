import { PostgresDb, createPostgresPool } from '@mytoutatice/sql';
import { postgresAccessRelay, type AccessRelay } from './access-relay.ts';
import { GATEWAY_SCHEMA, POSTGRES_STEPS } from './postgres-schema.ts';
import { importSqliteFiles } from './sqlite-import.ts';

type Pool = ReturnType<typeof createPostgresPool>;

/**
 * The gateway state on PostgreSQL: every store in the one schema `gateway`, on one pool, and the
 * relay that tells the other gateways of access changes.
 */
export type PostgresState = { db: PostgresDb; relay: AccessRelay; close(): Promise<void> };

/** `dataDir`: where the embedded files may be, imported once when the schema is made (sqlite-import.ts). */
export function openPostgresState(connectionString: string, dataDir?: string, onRelayError: (error: unknown) => void = () => undefined): PostgresState {
  const pool = createPostgresPool(connectionString);
  const db = new PostgresDb(pool, GATEWAY_SCHEMA, () => migrateGatewaySchema(pool, dataDir));
  const relay = postgresAccessRelay(pool, db, onRelayError);
  return {
    db,
    relay,
    close: async () => {
      relay.close();
      await pool.end();
    },
  };
}

/**
 * Brings the schema to the last of POSTGRES_STEPS: every missing step and the version in one
 * transaction, under the schema's writer lock (a transaction-level advisory lock, taken before
 * anything is read), so gateways starting together run them once, and a failing step leaves the
 * schema as it was. A schema newer than this code is refused rather than misread. When the schema
 * is new and `dataDir` holds the embedded files, their rows are copied in the same transaction.
 */
export async function migrateGatewaySchema(pool: Pool, dataDir?: string): Promise<void> {
  const db = new PostgresDb(pool, GATEWAY_SCHEMA);
  await db.transaction(async () => {
    await db.exec(`CREATE SCHEMA IF NOT EXISTS ${GATEWAY_SCHEMA};
      CREATE TABLE IF NOT EXISTS ${GATEWAY_SCHEMA}.schema_version (version INTEGER NOT NULL)`);
    const row = await db.get(`SELECT version FROM ${GATEWAY_SCHEMA}.schema_version`);
    const found = row === undefined ? 0 : Number(row.version);
    if (found > POSTGRES_STEPS.length) throw new Error(`schema ${GATEWAY_SCHEMA} is at version ${found}, newer than this gateway (${POSTGRES_STEPS.length})`);
    for (const step of POSTGRES_STEPS.slice(found)) await db.exec(step);
    if (found === 0 && dataDir !== undefined) await importSqliteFiles(db, dataDir);
    if (row === undefined) await db.run(`INSERT INTO ${GATEWAY_SCHEMA}.schema_version (version) VALUES (?)`, POSTGRES_STEPS.length);
    else if (found < POSTGRES_STEPS.length) await db.run(`UPDATE ${GATEWAY_SCHEMA}.schema_version SET version = ?`, POSTGRES_STEPS.length);
  });
}
