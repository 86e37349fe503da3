/**
 * bench/storage, side by side in one run:
 *  1. a folder of 100,000 files: first page (sort=name, sort=updated) and name search, sequential
 *     requests through the gateway, straight to the storage backend, and nginx serving the same
 *     bytes from a static file (the floor);
 *  2. creating many instances through the storage's admin route: time each, RSS before/after,
 *     data size.
 *  3. with LARGE=1, the large file (bench/storage/large-file.ts: SIZE_MIB=1024 RUNS=3).
 * With METADATA=postgres the storage keeps its metadata on a throwaway PostgreSQL cluster (one
 * schema per instance), and sizes on disk count the database's growth.
 *   node --conditions=mytoutatice-source bench/storage/run.ts   (FILES=100000 INSTANCES=10000 REQUESTS=200 LARGE=1 METADATA=postgres)
 *
 * Seeding the big folder: the first PROBE files go through the real API (gateway, 32 in flight);
 * if the rest would take over SEED_BUDGET_S seconds at that rate, the rest is written straight into
 * the instance's metadata (SQLite file or PostgreSQL schema) with the storage's own helpers (insertFile/newRow/bumpSeq, one
 * transaction per batch) and its blobs under content/, and the output says so.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { seedFiles } from '@mytoutatice/storage/seeding';
import { queryOnce, startPostgresCluster, type PostgresCluster } from '@mytoutatice/storage/postgres-testing';
import { fileName } from '../lib/file-names.ts';
import { percentiles } from '../lib/stats.ts';
import { startNginx } from '../lib/nginx.ts';
import { pidListening, rssKiB } from '../lib/proc.ts';
import { root, startSystem } from '../lib/system.ts';
import { benchLargeFile } from './large-file.ts';

const FILES = Number(process.env.FILES ?? 100_000);
const INSTANCES = Number(process.env.INSTANCES ?? 10_000);
const REQUESTS = Number(process.env.REQUESTS ?? 200);
const PROBE = Math.min(FILES, Number(process.env.PROBE ?? 2_000));
const SEED_BUDGET_S = Number(process.env.SEED_BUDGET_S ?? 180);
const UPLOAD_CONCURRENCY = 32;
const INSTANCE_CONCURRENCY = 4;
const NGINX_PORT = 28180;
const METADATA = process.env.METADATA === 'postgres' ? 'postgres' : 'sqlite';
const command = `${Object.entries({ FILES, INSTANCES, REQUESTS, LARGE: process.env.LARGE, METADATA: process.env.METADATA })
  .filter(([k, v]) => process.env[k] !== undefined && v !== undefined)
  .map(([k, v]) => `${k}=${v} `)
  .join('')}node --conditions=mytoutatice-source bench/storage/run.ts`;

execFileSync('sh', [join(root, 'scripts/system-deps.sh')], { env: { ...process.env, MT_BENCH_DEPS: '1' }, stdio: 'inherit' });
const database = METADATA === 'postgres' ? await benchDatabase(await startPostgresCluster()) : undefined;
const system = await startSystem(undefined, database ? { DATABASE_URL: database.url } : {}).catch((error: unknown) => {
  database?.cluster.stop();
  throw error;
});
// The reference: nginx serving, from files, the very bytes the storage answered.
const nginx = startNginx(
  (dir) => `  server {
    listen 127.0.0.1:${NGINX_PORT};
    root ${dir};
    location / { default_type application/json; }
  }`,
);
chmodSync(nginx.dir, 0o755); // nginx's workers may run as another user
const out: string[] = [];
const log = (line = '') => {
  out.push(line);
  console.log(line);
};

try {
  const token = await system.signIn('eleve');
  const instanceId = await system.instanceIdOf('eleve');
  const internal = await system.internalToken('owner', instanceId);
  const admin = await system.internalToken('admin');
  const gw = { base: `${system.publicUrl}/api`, bearer: token };
  const direct = { base: system.storageUrl, bearer: internal };

  // ---- 1. the big folder ------------------------------------------------------------------
  const folder = (await call(gw, 'POST', '/files/root/folders', JSON.stringify({ name: 'Gros dossier' }), 201)) as { id: string };
  const seedStart = performance.now();
  let next = 0;
  await pool(UPLOAD_CONCURRENCY, async () => {
    for (let i = next++; i < PROBE; i = next++) {
      await call(gw, 'POST', `/files/${folder.id}/files?name=${encodeURIComponent(fileName(i))}`, body(i), 201);
    }
  });
  const probeSeconds = (performance.now() - seedStart) / 1000;
  const apiRate = PROBE / probeSeconds;
  let seeding: string;
  if ((FILES - PROBE) / apiRate <= SEED_BUDGET_S) {
    await pool(UPLOAD_CONCURRENCY, async () => {
      for (let i = next++; i < FILES; i = next++) {
        await call(gw, 'POST', `/files/${folder.id}/files?name=${encodeURIComponent(fileName(i))}`, body(i), 201);
      }
    });
    seeding = `all ${FILES} files uploaded through the gateway (${UPLOAD_CONCURRENCY} in flight): ${((performance.now() - seedStart) / 1000).toFixed(1)} s, ${(FILES / ((performance.now() - seedStart) / 1000)).toFixed(0)} files/s`;
  } else {
    const sqlStart = performance.now();
    await seedIntoSqlite(instanceId, folder.id, PROBE, FILES);
    const sqlSeconds = (performance.now() - sqlStart) / 1000;
    seeding =
      `${PROBE} files uploaded through the gateway (${UPLOAD_CONCURRENCY} in flight, tiny bodies) at ${apiRate.toFixed(0)} files/s ` +
      `(100,000 would take ~${(100_000 / apiRate).toFixed(0)} s); the other ${FILES - PROBE} written straight into the instance's ` +
      `${database ? 'PostgreSQL schema' : 'meta.sqlite'} with the storage's insertFile/newRow/bumpSeq (batches of 5,000 rows per transaction) plus their blobs, in ${sqlSeconds.toFixed(1)} s`;
  }
  log(`Seeding: ${seeding}.`);

  const cases: { name: string; path: string; check?: (body: string) => void }[] = [
    { name: `first page, sort=name (limit 100)`, path: `/files/${folder.id}/children?sort=name&limit=100` },
    { name: `first page, sort=updated (limit 100)`, path: `/files/${folder.id}/children?sort=updated&limit=100` },
    { name: `search « rapport 0421 » (prefix)`, path: `/files/search?q=${encodeURIComponent('rapport 0421')}` },
    { name: `search « maths 0777 » (substring)`, path: `/files/search?q=${encodeURIComponent('maths 0777')}` },
    {
      name: `search « ecole » (finds « École … », ${(FILES / 100).toLocaleString('en')} hits)`,
      path: `/files/search?q=ecole`,
      check: (text) => {
        const first = (JSON.parse(text) as { items: { name: string }[] }).items[0];
        if (!first?.name.startsWith('École')) throw new Error(`« ecole » found ${first?.name ?? 'nothing'}`);
      },
    },
    { name: `search « introuvable » (no hit)`, path: `/files/search?q=introuvable` },
  ];
  for (const [i, c] of cases.entries()) {
    const text = await (await fetch(`${direct.base}${c.path}`, { headers: { authorization: `Bearer ${direct.bearer}` } })).text();
    c.check?.(text);
    writeFileSync(join(nginx.dir, `case${i}.json`), text, { mode: 0o644 });
  }
  await new Promise((r) => setTimeout(r, 500));

  log();
  log(`bench/storage — \`${command}\``);
  log();
  log(`Folder of ${FILES.toLocaleString('en')} files in one space; ${REQUESTS} sequential requests each (after 20 warm-up), keep-alive, whole body read.`);
  log();
  log('| request | bytes | gateway p50 / p99 | direct p50 / p99 | nginx static p50 / p99 | gateway ÷ direct (p50) | gateway ÷ nginx (p50) |');
  log('|---|---:|---:|---:|---:|---:|---:|');
  for (const [i, c] of cases.entries()) {
    const viaGateway = await sequential(`${gw.base}${c.path}`, gw.bearer);
    const viaDirect = await sequential(`${direct.base}${c.path}`, direct.bearer);
    const viaNginx = await sequential(`http://127.0.0.1:${NGINX_PORT}/case${i}.json`, 'unused');
    log(
      `| ${c.name} | ${viaGateway.bytes} | ${fmt(viaGateway)} | ${fmt(viaDirect)} | ${fmt(viaNginx)} | ` +
        `${(viaGateway.p50 / viaDirect.p50).toFixed(2)}× | ${(viaGateway.p50 / viaNginx.p50).toFixed(2)}× |`,
    );
  }
  log();
  log('Targets: first page p50 ≤ 20 ms, search p50 ≤ 50 ms (gateway column).');

  // ---- 2. many instances ------------------------------------------------------------------
  const storagePid = pidListening(new URL(system.storageUrl).port);
  const rssBefore = rssKiB(storagePid);
  const sizeBefore = await storedBytes();
  const times: number[] = [];
  const createStart = performance.now();
  let n = 0;
  let lastId = '';
  await pool(INSTANCE_CONCURRENCY, async () => {
    for (let i = n++; i < INSTANCES; i = n++) {
      const id = randomUUID();
      const t0 = performance.now();
      await call({ base: direct.base, bearer: admin }, 'POST', '/instances', JSON.stringify({ id, slug: `bench-${i}`, email: `bench-${i}@example.test` }), 201);
      times.push(performance.now() - t0);
      lastId = id;
    }
  });
  const totalS = (performance.now() - createStart) / 1000;
  const rssAfter = rssKiB(storagePid);
  // The last one is usable.
  await call({ base: direct.base, bearer: await system.internalToken('owner', lastId) }, 'GET', '/files/root/children', undefined, 200);
  const rssAfterUse = rssKiB(storagePid);
  const sizeAfter = await storedBytes();
  const perInstance = percentiles(times);
  log();
  log(`Creating ${INSTANCES.toLocaleString('en')} instances: \`POST /instances\` straight to the storage backend (admin token), ${INSTANCE_CONCURRENCY} in flight.`);
  log();
  log(`| instances | total | per second | per instance p50 / p99 | storage RSS before → after | storage data${database ? ' (data dir + pg_database_size)' : ''} before → after | per instance on disk |`);
  log('|---:|---:|---:|---:|---:|---:|---:|');
  log(
    `| ${INSTANCES} | ${totalS.toFixed(1)} s | ${(INSTANCES / totalS).toFixed(0)} | ${perInstance.p50.toFixed(1)} / ${perInstance.p99.toFixed(1)} ms | ` +
      `${mib(rssBefore * 1024)} → ${mib(rssAfter * 1024)} (${mib(rssAfterUse * 1024)} after opening one) | ${mib(sizeBefore)} → ${mib(sizeAfter)} | ` +
      `${((sizeAfter - sizeBefore) / INSTANCES / 1024).toFixed(0)} KiB |`,
  );

  // ---- 3. the large file (LARGE=1; alone: bench/storage/large-file.ts) ------------------------
  if (process.env.LARGE === '1') {
    log();
    log('Large file:');
    await benchLargeFile(system, log, { sizeMiB: Number(process.env.SIZE_MIB ?? 1024), runs: Number(process.env.RUNS ?? 3) });
  }
} finally {
  await nginx.stop();
  system.stop();
  database?.cluster.stop();
}

// ---- helpers ----------------------------------------------------------------------------------

function body(i: number): string {
  return `fichier ${i}\n`;
}

async function seedIntoSqlite(instanceId: string, parentId: string, from: number, to: number): Promise<void> {
  function* files() {
    for (let i = from; i < to; i++) yield { name: fileName(i), content: Buffer.from(body(i)) };
  }
  await seedFiles(join(system.dataDir, 'storage'), instanceId, parentId, files(), {
    metadata: database ? { kind: 'postgres', url: database.url, poolSize: 2 } : { kind: 'sqlite' },
  });
}

/** A database of its own on the cluster, for the system's storage. */
async function benchDatabase(cluster: PostgresCluster): Promise<{ cluster: PostgresCluster; url: string }> {
  await queryOnce(cluster.url, 'CREATE DATABASE storage_bench');
  const url = new URL(cluster.url);
  url.pathname = '/storage_bench';
  return { cluster, url: url.toString() };
}

/** The storage's data dir, plus its PostgreSQL database when metadata lives there. */
async function storedBytes(): Promise<number> {
  const onDisk = duBytes(join(system.dataDir, 'storage'));
  if (!database) return onDisk;
  const [row] = await queryOnce(database.url, 'SELECT pg_database_size(current_database())::bigint AS size');
  return onDisk + Number(row?.size);
}

async function call(target: { base: string; bearer: string }, method: string, path: string, payload: string | undefined, expected: number): Promise<unknown> {
  const res = await fetch(`${target.base}${path}`, {
    method,
    headers: { authorization: `Bearer ${target.bearer}`, ...(payload && method !== 'GET' ? { 'content-type': path.includes('/files?') ? 'application/octet-stream' : 'application/json' } : {}) },
    body: payload,
  });
  const text = await res.text();
  if (res.status !== expected) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

async function pool(size: number, worker: () => Promise<void>): Promise<void> {
  await Promise.all(Array.from({ length: size }, worker));
}

type Timing = { p50: number; p99: number; bytes: number };

async function sequential(url: string, bearer: string): Promise<Timing> {
  const headers = { authorization: `Bearer ${bearer}` };
  let bytes = 0;
  for (let i = 0; i < 20; i++) await (await fetch(url, { headers })).arrayBuffer();
  const times: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const t0 = performance.now();
    const res = await fetch(url, { headers });
    const buf = await res.arrayBuffer();
    times.push(performance.now() - t0);
    if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
    bytes = buf.byteLength;
  }
  return { ...percentiles(times), bytes };
}

function fmt(t: Timing): string {
  return `${t.p50.toFixed(2)} / ${t.p99.toFixed(2)} ms`;
}

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
}

function duBytes(path: string): number {
  return Number(execFileSync('du', ['-sb', path], { encoding: 'utf8' }).split('\t')[0]);
}
