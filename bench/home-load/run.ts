/**
 * bench/home-load: cold load of the Home in Chromium (empty cache, signed in at the ENT) until
 * the app grid is visible, and the JavaScript it needs (gzip), for the shell and for each app's
 * own code — beside the same figures for a bare Vite React app with the same React, in one run.
 *   node --conditions=mytoutatice-source bench/home-load/run.ts   (RUNS=5)
 */
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import type { Browser, Page, Response } from '@playwright/test';
import { build } from 'vite';
import { browserSession, launchChromium, type SessionState } from '../lib/browser.ts';
import { root, startSystem } from '../lib/system.ts';

const RUNS = Number(process.env.RUNS ?? 5);
const here = join(root, 'bench/home-load');
type Script = { path: string; gzip: number; transferred: number };

const referenceDist = mkdtempSync(join(tmpdir(), 'mytoutatice-reference-'));
await build({ root: join(here, 'reference'), logLevel: 'warn', plugins: [react()], build: { outDir: referenceDist, emptyOutDir: true } });
const reference = await serveGzipped(referenceDist, 28300);
const system = await startSystem(28080);
const browser = await launchChromium();
// Every context blocks the Home's service worker: these are loads from the network (a first visit
// has no worker yet), and a worker answering from its own cache would hide the bytes.
try {
  await system.signIn('eleve');
  const state = await browserSession(browser, system.publicUrl, 'eleve');

  const home = await coldLoads(browser, system.publicUrl, state);
  const reloads = await cacheClearedReloads(browser, system.publicUrl, state);
  const ref = await coldLoads(browser, 'http://localhost:28300/', undefined);

  const ctx = await browser.newContext({ storageState: state, serviceWorkers: 'block' });
  const appPage = await ctx.newPage();
  const appScripts = collectScripts(appPage);
  await appPage.goto(system.publicUrl);
  await appPage.getByRole('heading', { name: 'Applications' }).waitFor();
  const perApp: [string, number, number][] = [];
  for (const slug of ['drive', 'notes', 'contacts', 'photos', 'store']) {
    await appPage.evaluate((path) => window.history.pushState(null, '', path), `/${slug}`);
    await appPage.locator(`#mt-app-${slug} h1`).waitFor();
    await appPage.waitForLoadState('networkidle');
    const own = (await appScripts()).filter((s) => s.path.startsWith(`/apps/${slug}/`));
    perApp.push([slug, sum(own, 'gzip'), sum(own, 'transferred')]);
  }
  await ctx.close();

  const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
  console.log(`\nbench/home-load — cold load until the app grid is visible, median of ${RUNS} (Chromium, empty cache)\n`);
  console.log('| page | time to grid | JS gzip | JS transferred | scripts |');
  console.log('|---|---:|---:|---:|---:|');
  console.log(`| MyToutatice Home (incl. ENT sign-in redirect) | ${home.ms} ms | ${kb(home.gzip)} | ${kb(home.transferred)} | ${home.count} |`);
  console.log(`| MyToutatice Home, session already in the tab (reload, cache cleared) | ${reloads.ms} ms | ${kb(reloads.gzip)} | ${kb(reloads.transferred)} | ${reloads.count} |`);
  console.log(`| reference: bare Vite React app | ${ref.ms} ms | ${kb(ref.gzip)} | ${kb(ref.transferred)} | ${ref.count} |`);
  console.log(`| ratio Home / reference | ${(home.ms / ref.ms).toFixed(2)}× (${(reloads.ms / ref.ms).toFixed(2)}× without the redirect) | ${(home.gzip / ref.gzip).toFixed(2)}× | | |`);
  console.log('\n| app | own JS gzip | own JS transferred |\n|---|---:|---:|');
  for (const [slug, gz, tr] of perApp) console.log(`| ${slug} | ${kb(gz)} | ${kb(tr)} |`);
  console.log('\nTargets: shell JS ≤ 150 kB gzip including React; each app’s own code ≤ 60 kB gzip.');
} finally {
  await browser.close();
  system.stop();
  reference.close();
}

async function coldLoads(b: Browser, url: string, storageState: SessionState | undefined) {
  const times: number[] = [];
  let scripts: Script[] = [];
  for (let i = 0; i < RUNS; i++) {
    const ctx = await b.newContext({ ...(storageState ? { storageState } : {}), serviceWorkers: 'block' });
    const page = await ctx.newPage();
    const collected = collectScripts(page);
    const start = Date.now();
    await page.goto(url);
    await page.getByRole('heading', { name: 'Applications' }).waitFor();
    times.push(Date.now() - start);
    scripts = await collected();
    await ctx.close();
  }
  return summary(times, scripts);
}

/** The Home reloaded in a tab that already holds its session, with the HTTP cache emptied first. */
async function cacheClearedReloads(b: Browser, url: string, storageState: SessionState) {
  const ctx = await b.newContext({ storageState, serviceWorkers: 'block' });
  const page = await ctx.newPage();
  await page.goto(url);
  await page.getByRole('heading', { name: 'Applications' }).waitFor();
  const cdp = await ctx.newCDPSession(page);
  const times: number[] = [];
  let scripts: Script[] = [];
  for (let i = 0; i < RUNS; i++) {
    await cdp.send('Network.clearBrowserCache');
    const collected = collectScripts(page);
    const start = Date.now();
    await page.reload();
    await page.getByRole('heading', { name: 'Applications' }).waitFor();
    times.push(Date.now() - start);
    scripts = await collected();
    collected.stop();
  }
  await ctx.close();
  return summary(times, scripts);
}

/** Every script the page fetched, with its gzip -9 size and the bytes actually transferred. */
function collectScripts(page: Page): (() => Promise<Script[]>) & { stop(): void } {
  const pending: Promise<Script | undefined>[] = [];
  const seen = new Set<string>();
  const onResponse = (res: Response) => {
    if (res.request().resourceType() !== 'script' || seen.has(res.url())) return;
    seen.add(res.url());
    pending.push(
      (async () => {
        try {
          return {
            path: new URL(res.url()).pathname,
            gzip: gzipSync(await res.body(), { level: 9 }).length,
            transferred: (await res.request().sizes()).responseBodySize,
          };
        } catch {
          // A page navigated away (the sign-in's redirect to the ENT) keeps no body: the script
          // is counted when the page loads it again.
          seen.delete(res.url());
          return undefined;
        }
      })(),
    );
  };
  page.on('response', onResponse);
  const collected = async () => (await Promise.all(pending)).filter((script): script is Script => script !== undefined);
  return Object.assign(collected, { stop: () => void page.off('response', onResponse) });
}

/** The median time and the scripts of the last load. */
function summary(times: number[], scripts: Script[]) {
  const sorted = [...times].sort((a, b) => a - b);
  return { ms: sorted[Math.floor(sorted.length / 2)] as number, gzip: sum(scripts, 'gzip'), transferred: sum(scripts, 'transferred'), count: scripts.length };
}

function sum(scripts: Script[], key: 'gzip' | 'transferred'): number {
  return scripts.reduce((n, s) => n + s[key], 0);
}

function serveGzipped(dir: string, port: number): Promise<Server> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
  const server = createServer((req, res) => {
    const path = req.url === '/' ? '/index.html' : (req.url ?? '/');
    try {
      const body = gzipSync(readFileSync(join(dir, path)), { level: 9 });
      res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream', 'content-encoding': 'gzip' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}
