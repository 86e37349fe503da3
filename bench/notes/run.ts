/**
 * bench/notes: collaborative notes, in one run, through the gateway beside a plain Hocuspocus 4
 * server (the reference) and beside the storage reached without the gateway (where the time
 * goes), interleaved round by round:
 *   1. keystroke to visible: one client types a character every 20 ms, another sees it (p50, p95);
 *   2. a crowd: 30 editors typing ~5 characters a second each on one note, seen by a watcher;
 *   3. opening a 50-page note: a new client's first sync (every target), then in Chromium the
 *      time to first paint and to editable of the Notes page, beside the Home.
 *   node --conditions=mytoutatice-source bench/notes/run.ts   (after `pnpm build`, for part 3)
 *   KEYSTROKES=500 ROUNDS=5 EDITORS=30 EDITOR_SECONDS=20 SYNC_RUNS=10 OPEN_RUNS=3
 *   PARTS=keystrokes,crowd,sync,open
 * A part the system cannot serve yet (no note route, no Notes page) is reported as such in its
 * table; the direct half always runs.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { launchChromium, browserSession } from '../lib/browser.ts';
import { percentile } from '../lib/stats.ts';
import { openCrowd, typeTogether, type Crowd } from './crowd.ts';
import { startDirect } from './direct.ts';
import { fiftyPageNote } from './fifty-page-note.ts';
import { openPair, typeKeystrokes, type KeystrokePair } from './keystroke-probe.ts';
import type { NoteTarget } from './note-target.ts';
import { openHomeCold, openNoteCold, type OpenTimes } from './open-note.ts';
import { holdNote, timeFirstSync, type HeldNote } from './note-sync.ts';
import { seededRandom } from './seeded-random.ts';
import { startThroughGateway, storageOnly, type GatewayTarget } from './through-gateway.ts';

const KEYSTROKES = Number(process.env.KEYSTROKES ?? 500);
const ROUNDS = Number(process.env.ROUNDS ?? 5);
const EVERY_MS = 20;
const EDITORS = Number(process.env.EDITORS ?? 30);
const EDITOR_SECONDS = Number(process.env.EDITOR_SECONDS ?? 20);
const PER_SECOND = 5;
const SYNC_RUNS = Number(process.env.SYNC_RUNS ?? 10);
const OPEN_RUNS = Number(process.env.OPEN_RUNS ?? 3);
const PARTS = new Set((process.env.PARTS ?? 'keystrokes,crowd,sync,open').split(','));
const note = fiftyPageNote();

type Figures = { latencies: number[]; lost: number };
/** A target's figures over its rounds, and how late the bench's own event loop ran meanwhile (its clients share it). */
type Totals = Figures & { loopDelayP95: number };
/** The sampling period of the loop monitor, which its figures include. */
const LOOP_RESOLUTION_MS = 5;
const loopMonitor = () => monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
const merged = (all: Figures[], loop: ReturnType<typeof loopMonitor>): Totals => ({
  latencies: all.flatMap((f) => f.latencies),
  lost: all.reduce((n, f) => n + f.lost, 0),
  loopDelayP95: Math.max(0, loop.percentile(95) / 1e6 - LOOP_RESOLUTION_MS),
});
const ms = (value: number) => (Number.isNaN(value) ? '—' : `${value.toFixed(1)} ms`);
const reason = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0];

/** A target as the tables list it: reachable, or the reason it is not. */
type Listed = NoteTarget | { label: string; error: Error };
type Result = { label: string; totals: Totals | Error };
const unreachable = (label: string, error: unknown): Listed => ({ label, error: new Error(reason(error)) });

const direct = await startDirect();
const gateway: GatewayTarget | Error = await startThroughGateway().catch((error: unknown) => new Error(`the system did not start: ${reason(error)}`));
const storage: Listed =
  gateway instanceof Error ? { label: 'storage only (no gateway)', error: gateway } : await storageOnly(gateway).catch((error: unknown) => unreachable('storage only (no gateway)', error));
/** The reference first: ratios are to it. */
const targets: Listed[] = [direct, storage, gateway instanceof Error ? { label: 'through the gateway', error: gateway } : gateway];
const out: string[] = [`\nbench/notes — collaborative notes, through the gateway, on the storage alone and on plain Hocuspocus 4, one run\n`];
try {
  if (PARTS.has('keystrokes')) out.push(...(await keystrokes()));
  if (PARTS.has('crowd')) out.push(...(await crowd()));
  if (PARTS.has('sync')) out.push(...(await firstSync()));
  if (PARTS.has('open')) out.push(...(await openLargeNote()));
} finally {
  await direct.stop();
  if (!(gateway instanceof Error)) await gateway.stop();
}
console.log(out.join('\n'));

/**
 * Opens the same kind of session on every target, then runs `round` on each in turn, the order
 * reversed every other round so that none always runs on the warmer (or noisier) machine.
 */
async function interleaved<S extends { close(): void }>(
  open: (target: NoteTarget) => Promise<S>,
  rounds: number,
  round: (session: S, index: number) => Promise<Figures>,
): Promise<Result[]> {
  const runs: { label: string; session: S | Error; figures: Figures[]; loop: ReturnType<typeof loopMonitor> }[] = [];
  try {
    for (const target of targets) {
      const session = 'error' in target ? target.error : await open(target).catch((error: unknown) => new Error(reason(error)));
      runs.push({ label: target.label, session, figures: [], loop: loopMonitor() });
    }
    for (let i = 0; i < rounds; i++) {
      for (const run of i % 2 === 0 ? runs : [...runs].reverse()) {
        if (run.session instanceof Error) continue;
        run.loop.enable();
        run.figures.push(await round(run.session, i));
        run.loop.disable();
      }
    }
  } finally {
    for (const { session } of runs) if (!(session instanceof Error)) session.close();
  }
  return runs.map(({ label, session, figures, loop }) => ({ label, totals: session instanceof Error ? session : merged(figures, loop) }));
}

function latencyTable(results: Result[], counted = 'keystrokes seen'): string[] {
  const rows = [`| target | ${counted} | p50 | p95 | max | lost | bench loop delay p95 |`, '|---|---:|---:|---:|---:|---:|---:|'];
  for (const { label, totals: f } of results) {
    rows.push(
      f instanceof Error
        ? `| ${label} | could not run: ${f.message} | | | | | |`
        : `| ${label} | ${f.latencies.length} | ${ms(percentile(f.latencies, 0.5))} | ${ms(percentile(f.latencies, 0.95))} | ${ms(percentile(f.latencies, 1))} | ${f.lost} | ${ms(f.loopDelayP95)} |`,
    );
  }
  const [reference, ...others] = results;
  if (!reference || reference.totals instanceof Error) return rows;
  const base = reference.totals.latencies;
  for (const { label, totals } of others) {
    if (totals instanceof Error) continue;
    const ratio = (q: number) => `${(percentile(totals.latencies, q) / percentile(base, q)).toFixed(2)}×`;
    rows.push(`| ratio ${label} / direct | | ${ratio(0.5)} | ${ratio(0.95)} | | | |`);
  }
  return rows;
}

async function keystrokes(): Promise<string[]> {
  const perRound = Math.ceil(KEYSTROKES / ROUNDS);
  const figures = await interleaved<KeystrokePair>(openPair, ROUNDS, (pair) => typeKeystrokes(pair, perRound, EVERY_MS));
  return [
    `## 1. Keystroke to visible — two clients, one character every ${EVERY_MS} ms, ${perRound * ROUNDS} keystrokes in ${ROUNDS} interleaved rounds\n`,
    ...latencyTable(figures),
    '\nTarget: through the gateway p95 ≤ 100 ms and ≤ 2× direct.\n',
  ];
}

async function crowd(): Promise<string[]> {
  const random = seededRandom(12);
  const rounds = 2;
  const figures = await interleaved<Crowd>(
    (target) => openCrowd(target, EDITORS),
    rounds,
    (session) => typeTogether(session, EDITOR_SECONDS / rounds, PER_SECOND, random),
  );
  return [
    `## 2. ${EDITORS} editors on one note — ~${PER_SECOND} keystrokes/s each at random places, ${EDITOR_SECONDS} s per target in ${rounds} interleaved rounds, latency to a watcher\n`,
    ...latencyTable(figures),
    '',
  ];
}

async function firstSync(): Promise<string[]> {
  const bytes: Record<string, number> = {};
  const figures = await interleaved<HeldNote & { label: string }>(
    async (target) => ({ ...(await holdNote(target, note.markdown)), label: target.label }),
    SYNC_RUNS,
    async (held) => {
      const { ms, stateBytes } = await timeFirstSync(held);
      bytes[held.label] = stateBytes;
      return { latencies: [ms], lost: 0 };
    },
  );
  const kB = Object.entries(bytes).map(([label, n]) => `${(n / 1024).toFixed(0)} kB ${label}`);
  return [
    `## 3a. Opening a 50-page note: a new client's first sync, ${SYNC_RUNS} opens per target, interleaved (another client keeps the note loaded; its state: ${kB.join(', ')})\n`,
    ...latencyTable(figures, 'opens'),
    '',
  ];
}

async function openLargeNote(): Promise<string[]> {
  const title = `## 3b. Opening a 50-page note in Chromium (cold, median of ${OPEN_RUNS})\n`;
  if (gateway instanceof Error) return [title, `Could not run: ${gateway.message}.\n`];
  const words = note.markdown.split(/\s+/).filter((word) => /\p{L}/u.test(word)).length;
  let id: string;
  try {
    id = await gateway.createNote('Cinquante pages', note.markdown);
  } catch (error) {
    return [title, `Could not run: the note could not be created (${reason(error)}).\n`];
  }
  const { publicUrl } = gateway.system;
  const browser = await launchChromium();
  try {
    const state = await browserSession(browser, publicUrl, 'eleve');
    const opens: OpenTimes[] = [];
    const homes: number[] = [];
    for (let i = 0; i < OPEN_RUNS; i++) {
      try {
        opens.push(await openNoteCold(browser, state, `${publicUrl}/notes/${encodeURIComponent(id)}`, note, 30_000));
      } catch (error) {
        return [title, `Could not run: the page /notes/<id> showed no editor holding the note (${reason(error)}).\n`];
      }
      homes.push(await openHomeCold(browser, state, publicUrl));
    }
    const median = (values: number[]) => percentile(values, 0.5);
    const firstPaint = median(opens.map((o) => o.firstPaint));
    const editable = median(opens.map((o) => o.editable));
    const home = median(homes);
    return [
      title,
      `The note: ${words} words, ${(note.markdown.length / 1024).toFixed(0)} kB of Markdown (headings, lists, task lists, quotes, tables), created with POST /api/notes.\n`,
      '| page | first paint | editable | × Home |',
      '|---|---:|---:|---:|',
      `| /notes/<id>, 50 pages | ${firstPaint} ms | ${editable} ms | ${(editable / home).toFixed(2)}× |`,
      `| reference: Home until its app grid | ${home} ms | | 1.00× |`,
      '',
    ];
  } finally {
    await browser.close();
  }
}
