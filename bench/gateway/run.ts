/**
 * bench/gateway: one small authenticated API GET (the root folder's metadata), sent three ways in
 * one run with wrk (64 connections): through the gateway, straight to the storage backend, and
 * through nginx `proxy_pass` to the same backend. Prints req/s, p50, p99 and the ratios.
 *   node --conditions=source bench/gateway/run.ts   (DURATION=10s)
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { SignJWT } from 'jose';
import { root, startSystem } from '../lib/system.ts';
import { runWrk } from '../lib/wrk.ts';
import type { WrkResult } from '../lib/wrk.ts';

execFileSync('sh', [join(root, 'scripts/system-deps.sh')], { env: { ...process.env, MT_BENCH_DEPS: '1' }, stdio: 'inherit' });
const duration = process.env.DURATION ?? '10s';
const system = await startSystem();
try {
  const token = await system.signIn('eleve');
  const directory = new DatabaseSync(join(system.dataDir, 'gateway/directory.sqlite'), { readOnly: true });
  const { instance_id: instanceId } = directory.prepare('SELECT instance_id FROM spaces WHERE slug = ?').get('eleve') as { instance_id: string };
  directory.close();
  const now = Math.floor(Date.now() / 1000);
  // What the gateway would send: the same internal token for the direct and nginx paths.
  const internal = await new SignJWT({ scope: 'owner' })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer('mytoutatice-gateway')
    .setAudience('mytoutatice-storage')
    .setSubject(instanceId)
    .setIssuedAt(now)
    .setExpirationTime(now + 3600)
    .sign(new TextEncoder().encode(system.secret));

  const nginx = startNginx(system.storageUrl, internal, 28180);
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
  nginx.kill('SIGTERM');

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

function startNginx(upstream: string, internalToken: string, port: number) {
  const dir = mkdtempSync(join(tmpdir(), 'mytoutatice-nginx-'));
  const conf = join(dir, 'nginx.conf');
  writeFileSync(
    conf,
    `worker_processes auto;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  upstream storage { server ${new URL(upstream).host}; keepalive 128; }
  server {
    listen 127.0.0.1:${port};
    location /api/ {
      proxy_pass http://storage/;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Authorization "Bearer ${internalToken}";
    }
  }
}
`,
  );
  return spawn('nginx', ['-c', conf, '-p', dir], { stdio: 'inherit' });
}
