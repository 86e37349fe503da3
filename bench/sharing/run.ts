/**
 * bench/sharing: what reaching a folder through a sharing costs, side by side in one run with
 * wrk (64 connections): the owner listing their folder (`/api/files/<id>/children`) vs a member
 * listing the same folder through the sharing (`/api/sharings/<sid>/files/<id>/children`: one
 * membership lookup and a token minted per request, then the owner's node) vs an anonymous
 * visitor through a public link without password (`/api/links/<code>/files/<id>/children`).
 *   node --conditions=mytoutatice-source bench/sharing/run.ts   (DURATION=10s FILES=50 ROUNDS=3 PORT_BASE=28080)
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { root, startSystem } from '../lib/system.ts';
import { runWrk, type WrkResult } from '../lib/wrk.ts';
import { fileName } from '../lib/file-names.ts';

execFileSync('sh', [join(root, 'scripts/system-deps.sh')], { env: { ...process.env, MT_BENCH_DEPS: '1' }, stdio: 'inherit' });
const duration = process.env.DURATION ?? '10s';
const FILES = Number(process.env.FILES ?? 50);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
// Ports of its own when another bench runs on the machine.
const system = await startSystem(Number(process.env.PORT_BASE ?? 28080));
try {
  const owner = await system.signIn('enseignant');
  const member = await system.signIn('eleve');
  const call = async <T = { id: string }>(token: string, path: string, init: RequestInit = {}): Promise<T> => {
    const res = await fetch(`${system.publicUrl}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<T>;
  };
  const folder = await call(owner, '/api/files/root/folders', { method: 'POST', body: JSON.stringify({ name: 'Cours partagés' }) });
  for (let i = 0; i < FILES; i++) {
    await call(owner, `/api/files/${folder.id}/files?name=${encodeURIComponent(fileName(i))}`, { method: 'POST', body: `contenu ${i}` });
  }
  const sharing = await call(owner, '/gateway/sharings', { method: 'POST', body: JSON.stringify({ itemId: folder.id, members: [{ slug: 'eleve', role: 'read' }] }) });
  const link = await call<{ code: string }>(owner, '/gateway/links', { method: 'POST', body: JSON.stringify({ itemId: folder.id, access: 'read' }) });

  const paths = [
    ['owner, own space', `/api/files/${folder.id}/children`, owner],
    ['member, through the sharing', `/api/sharings/${sharing.id}/files/${folder.id}/children`, member],
    ['visitor, through a public link', `/api/links/${link.code}/files/${folder.id}/children`, 'none'],
  ] as const;
  for (const [, path, token] of paths) {
    await call(token, path);
    runWrk(`${system.publicUrl}${path}`, token, '2s'); // warm-up
  }
  // Interleaved rounds, the best of each kept: on a shared machine, what ran alongside varies.
  const best = new Map<string, WrkResult>();
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, path, token] of paths) {
      const result = runWrk(`${system.publicUrl}${path}`, token, duration);
      if (result.rps > (best.get(name)?.rps ?? 0)) best.set(name, result);
    }
  }
  const own = best.get(paths[0][0]) as WrkResult;
  console.log(`\nbench/sharing — a folder of ${FILES} files listed (${duration} × ${ROUNDS} interleaved rounds, best kept, 64 connections, wrk -t2)\n`);
  console.log('| path | req/s | p50 | p99 | × own space |');
  console.log('|---|---:|---:|---:|---:|');
  for (const [name, r] of best) console.log(`| ${name} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${(r.rps / own.rps).toFixed(2)} |`);
} finally {
  system.stop();
}
