/**
 * bench/people-search: the gateway's directory with 100,000 people who have a space, and the
 * searches the « Partager » dialog sends as one types (p50 / p99 of each, after one warm-up).
 *   node --conditions=source bench/people-search/run.ts   (PEOPLE=100000 RUNS=200)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Directory } from '../../gateway/src/directory/directory.ts';
import { nameWords } from '../../gateway/src/directory/name-words.ts';

const PEOPLE = Number(process.env.PEOPLE ?? 100_000);
const RUNS = Number(process.env.RUNS ?? 200);
const FIRST = ['Jean', 'Marie', 'Nadia', 'Yannick', 'Annabel', 'Jordan', 'Sophie', 'Élodie', 'Loïc', 'Gwenaëlle', 'Jean-Christophe', 'Anne-Sophie', 'Mathis', 'Léa', 'Hugo'];
const LAST = ['Martin', 'Le Goff', 'Bourde', 'Abiven', 'Bré', 'Schaal', 'Le Gall', 'Tanguy', 'Boulle', 'Kerhervé', 'Quéré', 'Morvan', 'Guillou', 'Riou', 'Le Bihan'];

const dir = mkdtempSync(join(tmpdir(), 'mytoutatice-people-'));
try {
  new Directory(dir).close();
  // Written in one transaction, as Directory.learn would one by one (each with its own fsync).
  const db = new DatabaseSync(join(dir, 'directory.sqlite'));
  const addSpace = db.prepare("INSERT INTO spaces (sub, instance_id, slug, backend_url, created_at, name, email) VALUES (?, ?, ?, 'http://node', '', ?, ?)");
  const addWord = db.prepare('INSERT INTO name_words (word, sub) VALUES (?, ?)');
  let seed = 42;
  const pick = <T>(list: readonly T[]): T => list[(seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % list.length] as T;
  db.exec('BEGIN');
  for (let n = 0; n < PEOPLE; n++) {
    const name = `${pick(FIRST)} ${pick(LAST)}${n % 7 === 0 ? ` ${pick(LAST)}` : ''}`;
    addSpace.run(`sub-${n}`, `inst-${n}`, `p${n}`, name, `${name.toLowerCase().replace(/[^a-z]+/g, '.')}.${n}@ac-rennes.fr`);
    for (const word of nameWords(name)) addWord.run(word, `sub-${n}`);
  }
  db.exec('COMMIT');
  db.close();
  const directory = new Directory(dir);
  console.log('\n| query | found | p50 ms | p99 ms |\n|---|---:|---:|---:|');
  for (const q of ['bo', 'le', 'jean', 'jean-christophe bou', 'gwenaelle ker', 'quere', 'nadia.le', 'zz', 'marie.martin.4']) {
    const times: number[] = [];
    let found = 0;
    for (let i = 0; i <= RUNS; i++) {
      const t = process.hrtime.bigint();
      found = directory.search(q, 'sub-1', 20).length;
      if (i > 0) times.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    times.sort((a, b) => a - b);
    const at = (p: number) => (times[Math.min(times.length - 1, Math.floor(times.length * p))] ?? 0).toFixed(2);
    console.log(`| ${q} | ${found} | ${at(0.5)} | ${at(0.99)} |`);
  }
  directory.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
