import pg from 'pg';

const INT8 = 20;
const NUMERIC = 1700;

/**
 * BIGINT and SUM() come back as JavaScript numbers, like SQLite's integers: sizes, sequences and
 * times stay far below 2^53.
 */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8 || oid === NUMERIC) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
};

const CONNECTION_MAX_USES = 5000;
const CONNECTION_MAX_SECONDS = 600;

/**
 * A pool whose answers read like SQLite's. A server process caches the catalog of every schema
 * it touched (~126 KiB per storage instance, bench/storage): connections are retired after a
 * while, or after many checkouts under load.
 */
export function createPostgresPool(connectionString: string, maxConnections = 10): pg.Pool {
  return new pg.Pool({ connectionString, max: maxConnections, types, maxUses: CONNECTION_MAX_USES, maxLifetimeSeconds: CONNECTION_MAX_SECONDS });
}
