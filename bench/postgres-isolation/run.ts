/**
 * bench/postgres-isolation: how to keep instances apart in one PostgreSQL database, side by side
 * in one run on a throwaway cluster, each design in a database of its own:
 *  - schema per instance (what the storage does): PostgresBackend.createInstance and PostgresDb,
 *    the very code the server runs (search_path set on checkout when it changes);
 *  - keyed tables + row-level security (keyed-schema.ts), queried as a non-owner role, with
 *    `set_config('app.instance', id, true)` in a transaction around every statement, and as a
 *    variant the setting kept on the connection and changed on checkout (as search_path is).
 * Then one instance gets a folder of FILES files, every other instance SMALL files, and the
 * storage's listing, search and point-lookup queries run against the big one.
 *   node --conditions=mytoutatice-source bench/postgres-isolation/run.ts   (INSTANCES=10000 FILES=100000 QUERIES=200)
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { PostgresBackend, instanceSchema, queryOnce, sortKey, startPostgresCluster } from '@mytoutatice/storage/postgres-testing';
import { fileName } from '../lib/file-names.ts';
import { percentiles } from '../lib/stats.ts';
import { APP_ROLE, KEYED_DDL, KEYED_TABLES } from './keyed-schema.ts';

const INSTANCES = Number(process.env.INSTANCES ?? 10_000);
const FILES = Number(process.env.FILES ?? 100_000);
const QUERIES = Number(process.env.QUERIES ?? 200);
const SMALL = 3;
const CONCURRENCY = 4;
const now = new Date().toISOString();

const LISTING = `SELECT * FROM files WHERE parent_id = ? AND type = ? ORDER BY sort_key ASC, name ASC, id ASC LIMIT ?`;
const SEARCH = `SELECT * FROM (SELECT *, CASE WHEN strpos(sort_key, ?) = 1 THEN 0 ELSE 1 END AS rank
  FROM files WHERE trashed_at IS NULL AND strpos(sort_key, ?) > 0) AS m ORDER BY rank, sort_key, name, id LIMIT ?`;
const POINT = `SELECT * FROM files WHERE id = ?`;
const DOCUMENTS = `SELECT * FROM documents WHERE doctype = ? ORDER BY created_at, id LIMIT ?`;
const numbered = (sql: string) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

const cluster = await startPostgresCluster();
const out: string[] = [];
const log = (line = '') => {
  out.push(line);
  console.log(line);
};
try {
  const maintenance = new pg.Client({ connectionString: cluster.url });
  await maintenance.connect();
  await maintenance.query('CREATE DATABASE per_schema');
  await maintenance.query('CREATE DATABASE keyed');
  await maintenance.end();
  const urlOf = (database: string, user = 'postgres') => {
    const url = new URL(cluster.url);
    url.pathname = `/${database}`;
    url.username = user;
    return url.toString();
  };
  const version = await scalar(urlOf('per_schema'), 'SHOW server_version');
  log(`bench/postgres-isolation — INSTANCES=${INSTANCES} FILES=${FILES} QUERIES=${QUERIES}, PostgreSQL ${version}, ${CONCURRENCY} in flight for creations`);

  // ---- creating the instances ---------------------------------------------------------------
  const backend = new PostgresBackend(urlOf('per_schema'), CONCURRENCY);
  await backend.ready();
  const schemaIds = Array.from({ length: INSTANCES }, () => randomUUID());
  const schemaAdmin = new pg.Pool({ connectionString: urlOf('per_schema'), max: CONCURRENCY });
  const schemaEmpty = await sizes(schemaAdmin);
  const schemaCreate = await timedEach(schemaIds, (id) => backend.createInstance(id, now));
  const schemaCreated = await sizes(schemaAdmin);
  log(`schemas created: ${schemaCreate.totalS.toFixed(1)} s`);

  const keyedAdmin = new pg.Pool({ connectionString: urlOf('keyed'), max: CONCURRENCY });
  await keyedAdmin.query(KEYED_DDL);
  // Only to read its own backend's memory contexts below; not a privilege the storage needs.
  await keyedAdmin.query(`GRANT pg_read_all_stats TO ${APP_ROLE}`);
  const app = new pg.Pool({ connectionString: urlOf('keyed', APP_ROLE), max: CONCURRENCY });
  const keyedIds = Array.from({ length: INSTANCES }, () => randomUUID());
  const keyedEmpty = await sizes(keyedAdmin);
  const keyedCreate = await timedEach(keyedIds, (id) =>
    perTransaction(app, id, async (client) => {
      await client.query(
        `INSERT INTO files (instance_id, id, parent_id, type, name, sort_key, created_at, updated_at, seq)
         VALUES ($1, 'root', NULL, 'directory', '', '', $2, $2, 0), ($1, 'trash', NULL, 'directory', '', '', $2, $2, 0)`,
        [id, now],
      );
      await client.query('INSERT INTO seq (instance_id, value) VALUES ($1, 0)', [id]);
    }),
  );
  const keyedCreated = await sizes(keyedAdmin);
  log(`keyed instances created: ${keyedCreate.totalS.toFixed(1)} s`);

  // ---- the big folder and the small ones ---------------------------------------------------
  const big = { schema: schemaIds[0] as string, keyed: keyedIds[0] as string };
  const bigSchema = instanceSchema(big.schema);
  const seedSchemaS = await seconds(async () => {
    const client = await schemaAdmin.connect();
    try {
      await client.query(`SET search_path TO "${bigSchema}"`);
      await insertFolder(client, undefined);
    } finally {
      client.release();
    }
  });
  const seedKeyedS = await seconds(() => perTransaction(app, big.keyed, (client) => insertFolder(client, big.keyed)));
  const smallSchema = await timedEach(schemaIds.slice(1), (id) =>
    schemaAdmin.query(smallFilesSql(`"${instanceSchema(id)}".files`, ''), []).then(() => undefined),
  );
  const smallKeyed = await timedEach(keyedIds.slice(1), (id) =>
    perTransaction(app, id, (client) => client.query(smallFilesSql('files', `'${id}', `, true), []).then(() => undefined)),
  );
  // Statistics for the queried tables only: a database-wide ANALYZE visits every schema's tables.
  await schemaAdmin.query(`ANALYZE "${bigSchema}".files`);
  await keyedAdmin.query('ANALYZE files');
  const schemaSeeded = await sizes(schemaAdmin);
  const keyedSeeded = await sizes(keyedAdmin);
  log(`seeded: big folder ${seedSchemaS.toFixed(1)} s / ${seedKeyedS.toFixed(1)} s, small files ${smallSchema.totalS.toFixed(1)} s / ${smallKeyed.totalS.toFixed(1)} s`);

  // ---- queries on the big instance ---------------------------------------------------------
  const bigDb = backend.instance(big.schema);
  const otherDb = backend.instance(schemaIds[1] as string);
  const onSession = sessionSetting(app);
  const queries: { name: string; sql: string; params: unknown[] }[] = [
    { name: `first page of the ${FILES.toLocaleString('en')}-file folder by name (LIMIT 101)`, sql: LISTING, params: ['big', 'file', 101] },
    { name: 'name search « maths 0777 » (strpos scan)', sql: SEARCH, params: ['maths 0777', 'maths 0777', 101] },
    { name: 'point lookup by id', sql: POINT, params: ['big'] },
  ];
  const rows: string[][] = [];
  for (const q of queries) {
    const viaSchema = await repeat(() => bigDb.all(q.sql, ...(q.params as string[])));
    const viaKeyed = await repeat(() => perTransaction(app, big.keyed, (c) => c.query(numbered(q.sql), q.params)));
    const viaSession = await repeat(() => onSession(big.keyed, numbered(q.sql), q.params));
    rows.push([q.name, fmt(viaSchema), fmt(viaKeyed), fmt(viaSession)]);
  }
  let turn = 0;
  const alternating = await repeat(() => (turn++ % 2 ? otherDb : bigDb).all(POINT, 'root'));
  const alternatingKeyed = await repeat(() => perTransaction(app, turn++ % 2 ? keyedIds[1]! : big.keyed, (c) => c.query(numbered(POINT), ['root'])));
  const alternatingSession = await repeat(() => onSession(turn++ % 2 ? keyedIds[1]! : big.keyed, numbered(POINT), ['root']));
  rows.push(['point lookup, statements alternating between 2 instances (same pool)', fmt(alternating), fmt(alternatingKeyed), fmt(alternatingSession)]);
  const keyedPlan = await perTransaction(app, big.keyed, (c) => c.query(`EXPLAIN ${numbered(LISTING)}`, ['big', 'file', 101]));

  // ---- a backend connection's memory after touching many instances -------------------------
  const touchCounts = [1, 100, 1000].filter((n) => n <= INSTANCES);
  const schemaMemory = await backendMemory(urlOf('per_schema'), touchCounts, async (client, i) => {
    await client.query(`SET search_path TO "${instanceSchema(schemaIds[i] as string)}"`);
    await client.query(numbered(LISTING), ['root', 'file', 101]);
    await client.query(numbered(DOCUMENTS), ['io.mytoutatice.notes', 101]);
  });
  const keyedMemory = await backendMemory(urlOf('keyed', APP_ROLE), touchCounts, async (client, i) => {
    await client.query('BEGIN');
    await client.query(`SELECT set_config('app.instance', $1, true)`, [keyedIds[i]]);
    await client.query(numbered(LISTING), ['root', 'file', 101]);
    await client.query(numbered(DOCUMENTS), ['io.mytoutatice.notes', 101]);
    await client.query('COMMIT');
  });

  // ---- a schema change, dropping an instance -----------------------------------------------
  const migrateSchemas = await timedEach(schemaIds, (id) =>
    schemaAdmin
      .query(`ALTER TABLE "${instanceSchema(id)}".files ADD COLUMN note TEXT; CREATE INDEX files_note ON "${instanceSchema(id)}".files (note) WHERE note IS NOT NULL`)
      .then(() => undefined),
  );
  const migrateKeyed = await seconds(() => keyedAdmin.query('ALTER TABLE files ADD COLUMN note TEXT; CREATE INDEX files_note ON files (instance_id, note) WHERE note IS NOT NULL'));
  const dropSchema = await seconds(() => backend.removeInstance(schemaIds.at(-1) as string));
  const dropKeyed = await seconds(async () => {
    const client = await keyedAdmin.connect();
    try {
      await client.query('BEGIN');
      for (const table of [...KEYED_TABLES].reverse()) await client.query(`DELETE FROM ${table} WHERE instance_id = $1`, [keyedIds.at(-1)]);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
  });

  // ---- report ------------------------------------------------------------------------------
  const perInstance = (after: Sizes, before: Sizes) => `${((after.database - before.database) / INSTANCES / 1024).toFixed(1)} KiB`;
  log();
  log(`| | schema per instance | keyed tables + RLS |`);
  log(`|---|---:|---:|`);
  log(`| create ${INSTANCES.toLocaleString('en')} instances: total | ${schemaCreate.totalS.toFixed(1)} s | ${keyedCreate.totalS.toFixed(1)} s |`);
  log(`| create one: p50 / p99 | ${fmt(schemaCreate)} | ${fmt(keyedCreate)} |`);
  log(`| database size: empty → ${INSTANCES.toLocaleString('en')} instances → seeded | ${mib(schemaEmpty.database)} → ${mib(schemaCreated.database)} → ${mib(schemaSeeded.database)} | ${mib(keyedEmpty.database)} → ${mib(keyedCreated.database)} → ${mib(keyedSeeded.database)} |`);
  log(`| per empty instance | ${perInstance(schemaCreated, schemaEmpty)} | ${perInstance(keyedCreated, keyedEmpty)} |`);
  log(`| pg_class rows: empty → instances | ${schemaEmpty.relations} → ${schemaCreated.relations} | ${keyedEmpty.relations} → ${keyedCreated.relations} |`);
  log(`| pg_catalog size: empty → instances | ${mib(schemaEmpty.catalog)} → ${mib(schemaCreated.catalog)} | ${mib(keyedEmpty.catalog)} → ${mib(keyedCreated.catalog)} |`);
  log(`| bulk insert of the ${FILES.toLocaleString('en')}-file folder | ${seedSchemaS.toFixed(1)} s | ${seedKeyedS.toFixed(1)} s |`);
  log(`| ${SMALL} files into each other instance: total | ${smallSchema.totalS.toFixed(1)} s | ${smallKeyed.totalS.toFixed(1)} s |`);
  for (const [i, n] of touchCounts.entries()) {
    log(`| one backend after touching ${n} instance${n > 1 ? 's' : ''}: memory contexts / RssAnon | ${memory(schemaMemory[i])} | ${memory(keyedMemory[i])} |`);
  }
  log(`| a migration (ADD COLUMN + partial index on files) over every instance | ${migrateSchemas.totalS.toFixed(1)} s (${INSTANCES.toLocaleString('en')} × p50 ${migrateSchemas.p50.toFixed(1)} ms) | ${migrateKeyed.toFixed(2)} s |`);
  log(`| drop one small instance | ${(dropSchema * 1000).toFixed(1)} ms (DROP SCHEMA … CASCADE) | ${(dropKeyed * 1000).toFixed(1)} ms (DELETE from ${KEYED_TABLES.length} tables) |`);
  log();
  log(`${QUERIES} sequential queries after 20 warm-up, p50 / p99, on the big instance:`);
  log();
  log('| query | schema per instance (PostgresDb) | keyed + RLS, set_config per transaction | keyed + RLS, setting changed on checkout |');
  log('|---|---:|---:|---:|');
  for (const row of rows) log(`| ${row.join(' | ')} |`);
  log();
  log('Keyed listing plan (as the application role):');
  for (const line of keyedPlan.rows) log(`    ${(line as { 'QUERY PLAN': string })['QUERY PLAN']}`);
  await Promise.all([backend.close(), schemaAdmin.end(), keyedAdmin.end(), app.end()]);
} finally {
  cluster.stop();
}

// ---- helpers ----------------------------------------------------------------------------------

type Sizes = { database: number; relations: number; catalog: number };
type Timing = { p50: number; p99: number; totalS: number };
type Memory = { contexts: number; rssAnon: number };

async function sizes(pool: pg.Pool): Promise<Sizes> {
  const { rows } = await pool.query(`SELECT pg_database_size(current_database())::bigint AS database,
      (SELECT count(*) FROM pg_class)::bigint AS relations,
      (SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'pg_catalog' AND c.relkind = 'r')::bigint AS catalog`);
  const row = rows[0] as Record<string, string>;
  return { database: Number(row.database), relations: Number(row.relations), catalog: Number(row.catalog) };
}

async function scalar(url: string, sql: string): Promise<string> {
  return String(Object.values((await queryOnce(url, sql))[0] ?? {})[0]);
}

/** Runs work once per item, CONCURRENCY at a time, timing each. */
async function timedEach<T>(items: T[], work: (item: T) => Promise<void>): Promise<Timing> {
  const times: number[] = [];
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let i = next++; i < items.length; i = next++) {
        const t0 = performance.now();
        await work(items[i] as T);
        times.push(performance.now() - t0);
      }
    }),
  );
  return { ...percentiles(times), totalS: (performance.now() - start) / 1000 };
}

async function repeat(work: () => Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < 20; i++) await work();
  const times: number[] = [];
  const start = performance.now();
  for (let i = 0; i < QUERIES; i++) {
    const t0 = performance.now();
    await work();
    times.push(performance.now() - t0);
  }
  return { ...percentiles(times), totalS: (performance.now() - start) / 1000 };
}

async function seconds(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return (performance.now() - start) / 1000;
}

/** One transaction with the instance set for it only: what RLS asks of every statement. */
async function perTransaction<T>(pool: pg.Pool, instanceId: string, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT set_config('app.instance', $1, true)`, [instanceId]);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

/** The setting kept on the connection, changed on checkout only when it differs (as PostgresDb does search_path). */
function sessionSetting(pool: pg.Pool) {
  const current = new WeakMap<pg.PoolClient, string>();
  return async (instanceId: string, sql: string, params: unknown[]) => {
    const client = await pool.connect();
    try {
      if (current.get(client) !== instanceId) {
        await client.query(`SELECT set_config('app.instance', $1, false)`, [instanceId]);
        current.set(client, instanceId);
      }
      return await client.query(sql, params);
    } finally {
      client.release();
    }
  };
}

/** Folder `big` under the root, then FILES files in it, 10,000 rows per statement. */
async function insertFolder(client: pg.PoolClient, instanceId: string | undefined): Promise<void> {
  const key = instanceId ? 'instance_id, ' : '';
  const keyValue = instanceId ? `'${instanceId}'::uuid, ` : '';
  await client.query(
    `INSERT INTO files (${key}id, parent_id, type, name, sort_key, created_at, updated_at, seq)
     VALUES (${keyValue}'big', 'root', 'directory', 'Gros dossier', 'gros dossier', $1, $1, 1)`,
    [now],
  );
  for (let from = 0; from < FILES; from += 10_000) {
    const names = Array.from({ length: Math.min(10_000, FILES - from) }, (_, k) => fileName(from + k));
    await client.query(
      `INSERT INTO files (${key}id, parent_id, type, name, sort_key, size, mime, sha256, created_at, updated_at, seq)
       SELECT ${keyValue}gen_random_uuid()::text, 'big', 'file', name, sort_key, 12, 'text/plain', md5(name), $3, $3, 2 + ord
       FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS t(name, sort_key, ord)`,
      [names, names.map(sortKey), now],
    );
  }
}

function smallFilesSql(table: string, keyValue: string, keyed = false): string {
  const values = Array.from(
    { length: SMALL },
    (_, k) => `(${keyValue}'${randomUUID()}', 'root', 'file', '${fileName(k + 1)}', '${sortKey(fileName(k + 1))}', 12, '${now}', '${now}', ${k + 1})`,
  );
  return `INSERT INTO ${table} (${keyed ? 'instance_id, ' : ''}id, parent_id, type, name, sort_key, size, created_at, updated_at, seq) VALUES ${values.join(', ')}`;
}

/** A fresh connection's memory after touching 1, then more, distinct instances. */
async function backendMemory(url: string, counts: number[], touch: (client: pg.Client, i: number) => Promise<void>): Promise<Memory[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const pid = Number((await client.query('SELECT pg_backend_pid() AS pid')).rows[0].pid);
    const found: Memory[] = [];
    let touched = 0;
    for (const count of counts) {
      for (; touched < count; touched++) await touch(client, touched);
      const contexts = Number((await client.query('SELECT sum(total_bytes - free_bytes)::bigint AS used FROM pg_backend_memory_contexts')).rows[0].used);
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const rssAnon = Number(/RssAnon:\s+(\d+)/.exec(status)?.[1] ?? NaN) * 1024;
      found.push({ contexts, rssAnon });
    }
    return found;
  } finally {
    await client.end();
  }
}

function fmt(t: { p50: number; p99: number }): string {
  return `${t.p50.toFixed(2)} / ${t.p99.toFixed(2)} ms`;
}

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
}

function memory(m: Memory | undefined): string {
  return m ? `${(m.contexts / 1024 / 1024).toFixed(1)} / ${(m.rssAnon / 1024 / 1024).toFixed(1)} MiB` : '—';
}
