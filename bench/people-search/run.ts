/**
 * bench/people-search: the gateway's directory with 100,000 people who have a space, and the
 * searches the « Partager » dialog sends as one types (p50 / p99 of each, after one warm-up).
 *   node --conditions=mytoutatice-source bench/people-search/run.ts   (PEOPLE=100000 RUNS=200)
 * With DATABASE_URL=postgres://… the directory is in that database's `gateway` schema (dropped
 * first and after), as a gateway with DATABASE_URL keeps it; else in a SQLite file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SqlDb, SqlValue } from '@mytoutatice/sql';
import { queryOnce } from '@mytoutatice/sql/testing';
import { Directory, GATEWAY_SCHEMA, nameWords, openPostgresState, openSqliteState } from '@mytoutatice/gateway/state-testing';

const PEOPLE = Number(process.env.PEOPLE ?? 100_000);
const RUNS = Number(process.env.RUNS ?? 200);
const DATABASE_URL = process.env.DATABASE_URL;
const BATCH = 500;
const FIRST = ['Jean', 'Marie', 'Nadia', 'Yannick', 'Annabel', 'Jordan', 'Sophie', 'Élodie', 'Loïc', 'Gwenaëlle', 'Jean-Christophe', 'Anne-Sophie', 'Mathis', 'Léa', 'Hugo'];
const LAST = ['Martin', 'Le Goff', 'Bourde', 'Abiven', 'Bré', 'Schaal', 'Le Gall', 'Tanguy', 'Boulle', 'Kerhervé', 'Quéré', 'Morvan', 'Guillou', 'Riou', 'Le Bihan'];

/** Rows in batches of one multi-row INSERT each, all in one transaction (Directory.learn writes them one by one). */
async function insertAll(db: SqlDb, table: string, columns: string[], rows: SqlValue[][]): Promise<void> {
  const row = `(${columns.map(() => '?').join(', ')})`;
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH);
    await db.run(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${batch.map(() => row).join(', ')}`, ...batch.flat());
  }
}

const dir = mkdtempSync(join(tmpdir(), 'mytoutatice-people-'));
if (DATABASE_URL) await queryOnce(DATABASE_URL, `DROP SCHEMA IF EXISTS ${GATEWAY_SCHEMA} CASCADE`);
const state = DATABASE_URL ? openPostgresState(DATABASE_URL) : undefined;
const files = DATABASE_URL ? undefined : openSqliteState(dir);
const db: SqlDb = state?.db ?? files!.directory;
try {
  const spaces: SqlValue[][] = [];
  const words: SqlValue[][] = [];
  let seed = 42;
  const pick = <T>(list: readonly T[]): T => list[(seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % list.length] as T;
  for (let n = 0; n < PEOPLE; n++) {
    const name = `${pick(FIRST)} ${pick(LAST)}${n % 7 === 0 ? ` ${pick(LAST)}` : ''}`;
    spaces.push([`sub-${n}`, `inst-${n}`, `p${n}`, 'http://node', '', name, `${name.toLowerCase().replace(/[^a-z]+/g, '.')}.${n}@ac-rennes.fr`]);
    for (const word of nameWords(name)) words.push([word, `sub-${n}`]);
  }
  await db.transaction(async () => {
    await insertAll(db, 'spaces', ['sub', 'instance_id', 'slug', 'backend_url', 'created_at', 'name', 'email'], spaces);
    await insertAll(db, 'name_words', ['word', 'sub'], words);
  });
  if (DATABASE_URL) await db.exec('ANALYZE spaces; ANALYZE name_words');
  const directory = new Directory(db);
  console.log(`\n${DATABASE_URL ? 'PostgreSQL' : 'SQLite'}, ${PEOPLE} people\n\n| query | found | p50 ms | p99 ms |\n|---|---:|---:|---:|`);
  for (const q of ['bo', 'le', 'jean', 'jean-christophe bou', 'gwenaelle ker', 'quere', 'nadia.le', 'zz', 'marie.martin.4']) {
    const times: number[] = [];
    let found = 0;
    for (let i = 0; i <= RUNS; i++) {
      const t = process.hrtime.bigint();
      found = (await directory.search(q, 'sub-1', 20)).length;
      if (i > 0) times.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    times.sort((a, b) => a - b);
    const at = (p: number) => (times[Math.min(times.length - 1, Math.floor(times.length * p))] ?? 0).toFixed(2);
    console.log(`| ${q} | ${found} | ${at(0.5)} | ${at(0.99)} |`);
  }
} finally {
  await state?.close();
  files?.directory.close();
  if (DATABASE_URL) await queryOnce(DATABASE_URL, `DROP SCHEMA IF EXISTS ${GATEWAY_SCHEMA} CASCADE`);
  rmSync(dir, { recursive: true, force: true });
}
