/**
 * bench/gateway: one small authenticated API GET (the root folder's metadata), sent three ways in
 * one run with wrk (64 connections): through the gateway, straight to the storage backend, and
 * through nginx `proxy_pass` to the same backend. Prints req/s, p50, p99 and the ratios.
 *   node --conditions=mytoutatice-source bench/gateway/run.ts   (DURATION=10s)
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { startNginx } from '../lib/nginx.ts';
import { root, startSystem } from '../lib/system.ts';
import { runWrk } from '../lib/wrk.ts';
import type { WrkResult } from '../lib/wrk.ts';

execFileSync('sh', [join(root, 'scripts/system-deps.sh')], { env: { ...process.env, MT_BENCH_DEPS: '1' }, stdio: 'inherit' });
const duration = process.env.DURATION ?? '10s';
const system = await startSystem();
try {
  const token = await system.signIn('eleve');
  // What the gateway would send: the same internal token for the direct and nginx paths.
  const internal = await system.internalToken('owner', await system.instanceIdOf('eleve'));

  const nginx = startNginx(
    () => `  upstream storage { server ${new URL(system.storageUrl).host}; keepalive 128; }
  server {
    listen 127.0.0.1:28180;
    location /api/ {
      proxy_pass http://storage/;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Authorization "Bearer ${internal}";
    }
  }`,
  );
  await new Promise((r) => setTimeout(r, 500));

  const path = '/files/root';
  const runs: [string, WrkResult][] = [];
  for (const [name, url, bearer] of [
    ['direct to storage', `${system.storageUrl}${path}`, internal],
    ['nginx proxy_pass', `http://127.0.0.1:28180/api${path}`, 'unused'],
    ['gateway', `http://127.0.0.1:28080/api${path}`, token],
  ] as const) {
    const check = await fetch(url, { headers: { authorization: `Bearer ${bearer}` } });
    if (check.status !== 200) throw new Error(`${name}: ${check.status} ${await check.text()}`);
    runWrk(url, bearer, '2s'); // warm-up: JIT, keep-alive pools, caches
    runs.push([name, runWrk(url, bearer, duration)]);
  }
  await nginx.stop();

  const by = Object.fromEntries(runs);
  const direct = by['direct to storage'] as WrkResult;
  const viaNginx = by['nginx proxy_pass'] as WrkResult;
  console.log(`\nbench/gateway — GET /api${path} (${duration}, 64 connections, wrk -t2)\n`);
  console.log('| path | req/s | p50 | p99 | × direct | × nginx |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const [name, r] of runs) {
    console.log(
      `| ${name} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${(r.rps / direct.rps).toFixed(2)} | ${(r.rps / viaNginx.rps).toFixed(2)} |`,
    );
  }
} finally {
  system.stop();
}
