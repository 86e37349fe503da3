/**
 * bench/storage, the large file: one file of SIZE_MIB (default 1024) uploaded and downloaded
 * through the gateway, straight to the storage backend, and through nginx doing the same work
 * from the same disk (WebDAV PUT into a file; a static GET with and without sendfile), side by
 * side in one run, RUNS times each (interleaved), with the gateway's and the storage's RSS
 * sampled every 100 ms. Also a 1 MiB range from the middle.
 *   node --conditions=mytoutatice-source bench/storage/large-file.ts   (SIZE_MIB=1024 RUNS=3)
 * or as the last section of bench/storage/run.ts with LARGE=1.
 *
 * Both sides read a warm page cache (the file was just written); on upload the storage fsyncs the
 * file before answering and nginx does not, so the time one fsync of the file takes on this disk
 * is measured and printed too.
 */
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import type { Hash } from 'node:crypto';
import { chmodSync, closeSync, createReadStream, fsyncSync, mkdirSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { request } from 'node:http';
import type { OutgoingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startNginx } from '../lib/nginx.ts';
import { pidsListening, watchProcesses } from '../lib/proc.ts';
import { percentile } from '../lib/stats.ts';
import type { ProcessUsage } from '../lib/proc.ts';
import { root, startSystem } from '../lib/system.ts';
import type { BenchSystem } from '../lib/system.ts';

const MIB = 1024 * 1024;
const NGINX_PORT = 28181;
const RANGE_REQUESTS = 20;

export type LargeFileOptions = { sizeMiB: number; runs: number };

type Side = 'gateway' | 'direct' | 'nginx' | 'nginx, sendfile off';
type Run = { seconds: number; usage: ProcessUsage[] };
/** The processes watched, in this order: the gateway, the storage, nginx (master and workers), this client. */
const WATCHED = ['gateway', 'storage', 'nginx', 'client'] as const;

export async function benchLargeFile(system: BenchSystem, log: (line?: string) => void, { sizeMiB, runs }: LargeFileOptions): Promise<void> {
  const size = sizeMiB * MIB;
  const nginx = startNginx(
    (dir) => `  server {
    listen 127.0.0.1:${NGINX_PORT};
    root ${dir}/www;
    client_max_body_size 0;
    location /up/ { dav_methods PUT; dav_access user:rw; }
    location /sendfile-off/ { alias ${dir}/www/; sendfile off; }
    location / { sendfile on; }
  }`,
  );
  try {
    chmodSync(nginx.dir, 0o755); // nginx's workers run as another user
    mkdirSync(join(nginx.dir, 'www/up'), { recursive: true, mode: 0o777 });
    chmodSync(join(nginx.dir, 'www/up'), 0o777);
    const source = join(nginx.dir, 'www/big.bin');
    const made = makeFile(source, sizeMiB);
    log(`Made ${sizeMiB} MiB of pseudo-random bytes in ${made.writeSeconds.toFixed(1)} s; one fsync of them took ${made.fsyncSeconds.toFixed(1)} s (the storage fsyncs each upload before answering, nginx does not).`);

    const token = await system.signIn('eleve');
    const internal = await system.internalToken('owner', await system.instanceIdOf('eleve'));
    const groups = [system.publicUrl, system.storageUrl, `http://127.0.0.1:${NGINX_PORT}`].map((url) => pidsListening(new URL(url).port));
    groups.push([process.pid]);
    const targets = {
      gateway: { base: `${system.publicUrl}/api`, bearer: token },
      direct: { base: system.storageUrl, bearer: internal },
    };
    const digest = `sha-256=:${made.sha256.toString('base64')}:`;

    // ---- upload -------------------------------------------------------------------------------
    const uploads = new Map<Side, Run[]>();
    const record = (map: Map<Side, Run[]>, side: Side, run: Run) => map.set(side, [...(map.get(side) ?? []), run]);
    let fileId = '';
    for (let i = 0; i < runs; i++) {
      for (const side of ['gateway', 'direct'] as const) {
        const { base, bearer } = targets[side];
        const headers = { authorization: `Bearer ${bearer}`, 'content-type': 'application/octet-stream', 'content-digest': digest };
        const { result, usage } = await watchProcesses(groups, () => timed(() => upload(`${base}/files/root/files?name=big-${side}-${i}.bin`, 'POST', headers, source, size)));
        if (result.value.status !== 201) throw new Error(`upload ${side}: ${result.value.status} ${result.value.body}`);
        record(uploads, side, { seconds: result.seconds, usage });
        const id = (JSON.parse(result.value.body) as { id: string }).id;
        // Kept for the downloads: the last one through the gateway; the others go, to stay in quota.
        if (side === 'gateway' && i === runs - 1) fileId = id;
        else await remove(targets.direct, id);
      }
      const { result: put, usage } = await watchProcesses(groups, () => timed(() => upload(`http://127.0.0.1:${NGINX_PORT}/up/big-${i}.bin`, 'PUT', {}, source, size)));
      if (put.value.status !== 201) throw new Error(`nginx PUT: ${put.value.status} ${put.value.body}`);
      record(uploads, 'nginx', { seconds: put.seconds, usage });
      rmSync(join(nginx.dir, `www/up/big-${i}.bin`));
    }

    // ---- download -----------------------------------------------------------------------------
    const urls: Record<Side, { url: string; bearer: string }> = {
      gateway: { url: `${targets.gateway.base}/files/${fileId}/content`, bearer: token },
      direct: { url: `${targets.direct.base}/files/${fileId}/content`, bearer: internal },
      nginx: { url: `http://127.0.0.1:${NGINX_PORT}/big.bin`, bearer: 'unused' },
      'nginx, sendfile off': { url: `http://127.0.0.1:${NGINX_PORT}/sendfile-off/big.bin`, bearer: 'unused' },
    };
    const verify = createHash('sha256');
    const check = await download(urls.gateway.url, { authorization: `Bearer ${token}` }, verify);
    const sameBytes = check.status === 200 && check.bytes === size && verify.digest().equals(made.sha256);
    if (!sameBytes) throw new Error(`the gateway's download differs from the source (${check.status}, ${check.bytes} bytes)`);
    const downloads = new Map<Side, Run[]>();
    for (let i = 0; i < runs; i++) {
      for (const side of Object.keys(urls) as Side[]) {
        const { url, bearer } = urls[side];
        const { result, usage } = await watchProcesses(groups, () => timed(() => download(url, { authorization: `Bearer ${bearer}` })));
        if (result.value.status !== 200 || result.value.bytes !== size) throw new Error(`download ${side}: ${result.value.status}, ${result.value.bytes} bytes`);
        record(downloads, side, { seconds: result.seconds, usage });
      }
    }

    // ---- a range from the middle ----------------------------------------------------------------
    const start = Math.floor(size / 2 / MIB) * MIB + 12345;
    const range = `bytes=${start}-${start + MIB - 1}`;
    const expected = readSlice(source, start, MIB);
    const ranges = new Map<Side, number[]>();
    for (const side of ['gateway', 'direct', 'nginx'] as const) {
      const { url, bearer } = urls[side];
      const times: number[] = [];
      for (let i = 0; i < RANGE_REQUESTS; i++) {
        const hash = createHash('sha256');
        const { value, seconds } = await timed(() => download(url, { authorization: `Bearer ${bearer}`, range }, hash));
        if (value.status !== 206 || !hash.digest().equals(createHash('sha256').update(expected).digest())) {
          throw new Error(`range ${side}: ${value.status}, ${value.bytes} bytes`);
        }
        times.push(seconds * 1000);
      }
      ranges.set(side, times);
    }

    // ---- report -------------------------------------------------------------------------------
    log();
    log(`${sizeMiB} MiB, one transfer at a time, ${runs} runs per path (interleaved); MiB/s from the best and the median run;`);
    log('CPU: user + system seconds each process used during the transfer (median run); RSS: peak above the level');
    log('before the transfer (VmRSS sampled every 100 ms), worst run.');
    log();
    log('| transfer | path | best | median | MiB/s best / median | × nginx (median) | CPU s gateway / storage / nginx / client | gateway RSS + | storage RSS + |');
    log('|---|---|---:|---:|---:|---:|---:|---:|---:|');
    for (const [name, map] of [['upload', uploads], ['download', downloads]] as const) {
      const reference = median(map.get('nginx') ?? []);
      for (const [side, sideRuns] of map) {
        const best = Math.min(...sideRuns.map((r) => r.seconds));
        const mid = median(sideRuns);
        log(
          `| ${name} | ${side} | ${best.toFixed(2)} s | ${mid.toFixed(2)} s | ${(sizeMiB / best).toFixed(0)} / ${(sizeMiB / mid).toFixed(0)} | ` +
            `${side === 'nginx' ? '1.00' : (reference / mid).toFixed(2)} | ${cpu(sideRuns)} | ${growth(sideRuns, 0)} | ${growth(sideRuns, 1)} |`,
        );
      }
    }
    log();
    log(`Downloaded sha256 = source sha256 (through the gateway): ${sameBytes ? 'yes' : 'no'}.`);
    log(
      `Range \`${range}\` (1 MiB from the middle), ${RANGE_REQUESTS} sequential requests, p50: ` +
        [...ranges].map(([side, times]) => `${side} ${percentile(times, 0.5).toFixed(1)} ms`).join(', ') +
        '.',
    );
    log('Target: gateway download ≥ 0.5× nginx; RSS flat (tens of MiB, not proportional to the file).');
  } finally {
    await nginx.stop();
  }
}

// ---- helpers ----------------------------------------------------------------------------------

/**
 * A pseudo-random file, fast: one random MiB written over and over with a counter in its first
 * bytes, so no two MiB are equal; hashed while written.
 */
function makeFile(path: string, sizeMiB: number): { sha256: Buffer; writeSeconds: number; fsyncSeconds: number } {
  const block = randomBytes(MIB);
  const hash = createHash('sha256');
  const fd = openSync(path, 'w', 0o644);
  try {
    const t0 = performance.now();
    for (let i = 0; i < sizeMiB; i++) {
      block.writeUInt32BE(i, 0);
      hash.update(block);
      writeSync(fd, block);
    }
    const t1 = performance.now();
    fsyncSync(fd);
    return { sha256: hash.digest(), writeSeconds: (t1 - t0) / 1000, fsyncSeconds: (performance.now() - t1) / 1000 };
  } finally {
    closeSync(fd);
  }
}

function readSlice(path: string, start: number, length: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    readSync(fd, buffer, 0, length, start);
    return buffer;
  } finally {
    closeSync(fd);
  }
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const t0 = performance.now();
  const value = await work();
  return { value, seconds: (performance.now() - t0) / 1000 };
}

/** Streams a file from disk as the request body (a new connection each time). */
function upload(url: string, method: string, headers: OutgoingHttpHeaders, file: string, size: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, agent: false, headers: { ...headers, 'content-length': String(size) } });
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', reject);
    });
    req.on('error', reject);
    createReadStream(file).on('error', reject).pipe(req);
  });
}

/** Reads a whole answer, counting its bytes (and hashing them if asked), keeping none. */
function download(url: string, headers: OutgoingHttpHeaders, hash?: Hash): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: false, headers }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        hash?.update(chunk);
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** Into the trash, then out of it for good. */
async function remove(target: { base: string; bearer: string }, id: string): Promise<void> {
  for (const [query, status] of [['', 200], ['?forever=true', 204]] as const) {
    const res = await fetch(`${target.base}/files/${id}${query}`, { method: 'DELETE', headers: { authorization: `Bearer ${target.bearer}` } });
    if (res.status !== status) throw new Error(`delete ${id}${query}: ${res.status} ${await res.text()}`);
  }
}

function median(runs: Run[]): number {
  return percentile(
    runs.map((r) => r.seconds),
    0.5,
  );
}

function cpu(runs: Run[]): string {
  return WATCHED.map((_, i) => percentile(runs.map((r) => r.usage[i]?.cpuSeconds ?? NaN), 0.5).toFixed(1)).join(' / ');
}

function growth(runs: Run[], group: number): string {
  const kib = runs.map((r) => (r.usage[group]?.peakKiB ?? NaN) - (r.usage[group]?.beforeKiB ?? NaN));
  return `${(Math.max(...kib) / 1024).toFixed(0)} MiB`;
}

if (import.meta.main) {
  execFileSync('sh', [join(root, 'scripts/system-deps.sh')], { env: { ...process.env, MT_BENCH_DEPS: '1' }, stdio: 'inherit' });
  const sizeMiB = Number(process.env.SIZE_MIB ?? 1024);
  const runs = Number(process.env.RUNS ?? 3);
  const system = await startSystem();
  try {
    console.log(`\nbench/storage, large file — \`${process.env.SIZE_MIB ? `SIZE_MIB=${sizeMiB} ` : ''}node --conditions=mytoutatice-source bench/storage/large-file.ts\`\n`);
    await benchLargeFile(system, (line = '') => console.log(line), { sizeMiB, runs });
  } finally {
    system.stop();
  }
}
