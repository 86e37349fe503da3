/**
 * bench/drive: a folder of FILES (default 10,000) files in one space, side by side in one run:
 *  1. PROPFIND Depth 1 on it through the gateway's WebDAV (`/dav/files/`, Basic auth with a
 *     device app password) vs Debian's Apache httpd with mod_dav_fs serving the same names and
 *     bytes from disk — what a file manager or rclone asks when it opens the folder.
 *  2. Time to the first row of that folder in Drive, in Chromium (a cold tab with the session),
 *     vs a folder of 10 files in the same run.
 *   node --conditions=mytoutatice-source bench/drive/run.ts   (FILES=10000 REQUESTS=20 RUNS=5)
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { seedFiles } from '@mytoutatice/storage/seeding';
import { startApacheDav } from '../lib/apache.ts';
import { browserSession, launchChromium, type SessionState } from '../lib/browser.ts';
import { fileName } from '../lib/file-names.ts';
import { percentile } from '../lib/stats.ts';
import { root, startSystem } from '../lib/system.ts';

const FILES = Number(process.env.FILES ?? 10_000);
const REQUESTS = Number(process.env.REQUESTS ?? 20);
/** BROWSER=0 skips the Chromium part (the DAV figures alone). */
const BROWSER = process.env.BROWSER !== '0';
const RUNS = Number(process.env.RUNS ?? 5);
const APACHE_PORT = 28183;
const SCROLL_FRAMES = 300;
const FOLDER = 'Dossier de classe';
/** What a DAV client asks for each entry (rclone, davfs2 and Finder ask for about these). */
const PROPFIND_BODY = `<?xml version="1.0" encoding="utf-8"?>
<d:propfind xmlns:d="DAV:"><d:prop><d:resourcetype/><d:getcontentlength/><d:getlastmodified/><d:getetag/><d:getcontenttype/></d:prop></d:propfind>`;

execFileSync('sh', [join(root, 'scripts/system-deps.sh')], { env: { ...process.env, MT_BENCH_DEPS: '1' }, stdio: 'inherit' });
const system = await startSystem(28080);
const apache = await startApacheDav(APACHE_PORT);
const browser = await launchChromium();
try {
  const token = await system.signIn('eleve');
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${system.publicUrl}/api${path}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } });
  const makeFolder = async (name: string) => ((await (await api('/files/root/folders', { method: 'POST', body: JSON.stringify({ name }) })).json()) as { id: string }).id;
  const big = await makeFolder(FOLDER);
  const small = await makeFolder('Petit dossier');
  const body = (i: number) => Buffer.from(`fichier ${i}\n`);
  const t0 = performance.now();
  await seedFiles(join(system.dataDir, 'storage'), await system.instanceIdOf('eleve'), big, (function* () {
    for (let i = 0; i < FILES; i++) yield { name: fileName(i), content: body(i) };
  })(), { metadata: { kind: 'sqlite' } });
  for (let i = 0; i < 10; i++) {
    const res = await fetch(`${system.publicUrl}/api/files/${small}/files?name=${encodeURIComponent(fileName(i))}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: body(i) });
    if (res.status !== 201) throw new Error(`upload: ${res.status}`);
  }
  execFileSync('mkdir', ['-p', join(apache.root, FOLDER)]);
  for (let i = 0; i < FILES; i++) writeFileSync(join(apache.root, FOLDER, fileName(i)), body(i), { mode: 0o666 });
  console.log(`Seeded ${FILES} files in the space (storage's seeding) and on Apache's disk in ${((performance.now() - t0) / 1000).toFixed(1)} s.`);

  // ---- 1. PROPFIND Depth 1 ------------------------------------------------------------------
  const password = appPassword(system.dataDir);
  const ours = { url: `${system.publicUrl}/dav/files/${encodeURIComponent(FOLDER)}/`, auth: `Basic ${Buffer.from(`eleve:${password}`).toString('base64')}` };
  const direct = { url: `${system.storageUrl}/dav/files/${encodeURIComponent(FOLDER)}/`, auth: `Bearer ${await system.internalToken('owner', await system.instanceIdOf('eleve'))}` };
  const theirs = { url: `http://127.0.0.1:${APACHE_PORT}/${encodeURIComponent(FOLDER)}/`, auth: '' };
  const targets = { ours, direct, apache: theirs };
  const times = { ours: [] as number[], direct: [] as number[], apache: [] as number[] };
  const sizes = { ours: 0, direct: 0, apache: 0 };
  for (let i = 0; i < REQUESTS + 3; i++) {
    for (const side of ['ours', 'direct', 'apache'] as const) {
      const target = targets[side];
      const start = performance.now();
      const res = await fetch(target.url, { method: 'PROPFIND', headers: { depth: '1', 'content-type': 'application/xml', ...(target.auth ? { authorization: target.auth } : {}) }, body: PROPFIND_BODY });
      const text = await res.text();
      const ms = performance.now() - start;
      const responses = text.match(/<(?:\w+:)?response[\s>]/g)?.length ?? 0;
      if (res.status !== 207 || responses !== FILES + 1) throw new Error(`PROPFIND ${side}: ${res.status}, ${responses} responses`);
      sizes[side] = text.length;
      if (i >= 3) times[side].push(ms); // 3 warm-up rounds
    }
  }

  // ---- 2. time to first row in Chromium -----------------------------------------------------
  const rows = BROWSER ? await timesToFirstRow(big, small) : undefined;

  const p = (values: number[], q: number) => percentile(values, q).toFixed(1);
  console.log(`\nbench/drive — \`node --conditions=mytoutatice-source bench/drive/run.ts\` (FILES=${FILES}, REQUESTS=${REQUESTS}, RUNS=${RUNS})\n`);
  console.log(`PROPFIND Depth 1 on a folder of ${FILES.toLocaleString('en')} files (5 properties asked, whole answer read), ${REQUESTS} sequential requests each, interleaved:\n`);
  console.log('| server | p50 | p90 | answer | Apache p50 ÷ ours |');
  console.log('|---|---:|---:|---:|---:|');
  console.log(`| MyToutatice, gateway → storage (\`/dav/files/\`, Basic app password) | ${p(times.ours, 0.5)} ms | ${p(times.ours, 0.9)} ms | ${(sizes.ours / 1024).toFixed(0)} KiB | ${(percentile(times.apache, 0.5) / percentile(times.ours, 0.5)).toFixed(2)} |`);
  console.log(`| MyToutatice storage alone (internal token) | ${p(times.direct, 0.5)} ms | ${p(times.direct, 0.9)} ms | ${(sizes.direct / 1024).toFixed(0)} KiB | ${(percentile(times.apache, 0.5) / percentile(times.direct, 0.5)).toFixed(2)} |`);
  console.log(`| Apache 2.4 mod_dav_fs (no auth) | ${p(times.apache, 0.5)} ms | ${p(times.apache, 0.9)} ms | ${(sizes.apache / 1024).toFixed(0)} KiB | 1.00 |`);
  if (rows) {
    console.log(`\nTime to the first row in Drive (Chromium, new tab with the session, median of ${RUNS}): ${FILES.toLocaleString('en')} files ${rows.big.toFixed(0)} ms, 10 files ${rows.small.toFixed(0)} ms (${(rows.big / rows.small).toFixed(2)}×).`);
    console.log(
      `Scrolling it, 120 px a frame for ${SCROLL_FRAMES} frames: frame time p50 ${rows.scroll.p50.toFixed(1)} ms, p95 ${rows.scroll.p95.toFixed(1)} ms ` +
        `(${(16.7 / rows.scroll.p50).toFixed(2)}× of 60 fps at p50); ${rows.scroll.rows} rows in the page at the end.`,
    );
  }
  console.log('Target: PROPFIND no slower than Apache (ratio ≥ 1).');
} finally {
  await browser.close();
  await apache.stop();
  system.stop();
}

/**
 * Median time from opening a folder's link in a new tab (holding the session) to its first row
 * on screen, for the big folder and the small one.
 */
async function timesToFirstRow(big: string, small: string): Promise<{ big: number; small: number; scroll: { p50: number; p95: number; rows: number } }> {
  const state = await browserSession(browser, system.publicUrl, 'eleve');
  /** The name the listing shows first: sorted by name, byte-wise as the storage sorts. */
  const firstName = (count: number) => Array.from({ length: count }, (_, i) => fileName(i)).sort()[0] ?? '';
  const firstRow = async (folderId: string, count: number) => {
    const runs: number[] = [];
    for (let i = 0; i < RUNS + 1; i++) {
      const ctx = await browser.newContext({ storageState: state });
      const tab = await ctx.newPage();
      const start = performance.now();
      await tab.goto(`${system.publicUrl}/drive/dossier/${folderId}`);
      await tab.getByText(firstName(count), { exact: true }).first().waitFor();
      if (i > 0) runs.push(performance.now() - start); // the first fills the OS caches
      await ctx.close();
    }
    return percentile(runs, 0.5);
  };
  return { big: await firstRow(big, FILES), small: await firstRow(small, 10), scroll: await scrollFrames(state, big, firstName(FILES)) };
}

/**
 * Scrolling the big folder: the window scrolled 120 px a frame for SCROLL_FRAMES frames (pages
 * fetched on the way), the time between frames recorded in the page, and the rows in the page.
 */
async function scrollFrames(state: SessionState, folderId: string, first: string): Promise<{ p50: number; p95: number; rows: number }> {
  const ctx = await browser.newContext({ storageState: state });
  const tab = await ctx.newPage();
  await tab.goto(`${system.publicUrl}/drive/dossier/${folderId}`);
  await tab.getByText(first, { exact: true }).first().waitFor();
  const frames = await tab.evaluate(async (count) => {
    const times: number[] = [];
    let last = performance.now();
    for (let i = 0; i < count; i++) {
      window.scrollBy(0, 120);
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const now = performance.now();
      times.push(now - last);
      last = now;
    }
    return times;
  }, SCROLL_FRAMES);
  const rows = await tab.locator('tr.mt-item').count();
  await ctx.close();
  return { p50: percentile(frames, 0.5), p95: percentile(frames, 0.95), rows };
}

/** A device app password for `eleve`, from the admin command (it prints the password last). */
function appPassword(dataDir: string): string {
  const out = execFileSync(process.execPath, ['--conditions=mytoutatice-source', join(root, 'storage/src/admin/cli.ts'), 'app-password', 'eleve', 'bench'], {
    env: { ...process.env, STORAGE_DATA_DIR: join(dataDir, 'storage') },
    encoding: 'utf8',
  });
  return out.trim().split('\n').at(-1)?.trim() ?? '';
}
