import { afterEach, describe, expect, it } from 'vitest';
import type { GatewayState } from '../state/gateway-state.ts';
import { STATE_ON_POSTGRES, openTestState } from '../../test/test-state.ts';
import { Directory } from './directory.ts';

const states: GatewayState[] = [];
/** A fresh directory: SQLite files, or a PostgreSQL database on the `gateway-postgres` run. */
const freshDirectory = async () => {
  const state = await openTestState();
  states.push(state);
  return state.directory;
};
afterEach(async () => {
  await Promise.all(states.splice(0).map((state) => state.close()));
});

const space = (n: number) => ({ sub: `sub-${n}`, instanceId: `inst-${n}`, slug: `slug-${n}`, backendUrl: 'http://node', createdAt: '2026-11-29T00:00:00Z' });
const slugs = async (directory: Directory, q: string, except = '') => (await directory.search(q, except, 20)).map((p) => p.slug);

describe(Directory.name, () => {
  it('finds a name by any word’s start, accents and case aside, every query word matching', async () => {
    const directory = await freshDirectory();
    const people = ['Jean-Christophe Boulle', 'Yannick Bré', 'Œdipe Lefèvre', 'Annabel Bourde'];
    for (const [n, name] of people.entries()) {
      await directory.add(space(n));
      await directory.learn(`sub-${n}`, { name, email: null });
    }
    expect(await slugs(directory, 'bo')).toEqual(['slug-3', 'slug-0']);
    expect(await slugs(directory, 'CHRIS')).toEqual(['slug-0']);
    expect(await slugs(directory, 'bre')).toEqual(['slug-1']);
    expect(await slugs(directory, 'BRÉ')).toEqual(['slug-1']);
    expect(await slugs(directory, 'oedipe lefe')).toEqual(['slug-2']);
    expect(await slugs(directory, 'bou jean')).toEqual(['slug-0']);
    expect(await slugs(directory, 'bou yannick')).toEqual([]);
    expect(await slugs(directory, 'ou')).toEqual([]);
    expect(await slugs(directory, 'bo', 'sub-0')).toEqual(['slug-3']);
  });

  it('learns a changed name or email and forgets the old one', async () => {
    const directory = await freshDirectory();
    await directory.add(space(1));
    await directory.learn('sub-1', { name: 'Nadia Martin', email: 'nadia.martin@ac-rennes.fr' });
    await directory.learn('sub-1', { name: 'Nadia Le Goff', email: 'nadia.legoff@ac-rennes.fr' });
    expect(await slugs(directory, 'martin')).toEqual([]);
    expect(await slugs(directory, 'nadia.martin')).toEqual([]);
    expect(await slugs(directory, 'goff')).toEqual(['slug-1']);
    expect(await slugs(directory, 'Nadia.LeGoff@AC')).toEqual(['slug-1']);
    expect(await directory.search('goff', '', 20)).toEqual([{ slug: 'slug-1', name: 'Nadia Le Goff' }]);
  });

  it('matches an email only from its start, never inside it', async () => {
    const directory = await freshDirectory();
    await directory.add(space(1));
    await directory.learn('sub-1', { name: 'Yannick Bré', email: 'yannick.bre@ac-rennes.fr' });
    expect(await slugs(directory, 'yannick.b')).toEqual(['slug-1']);
    expect(await slugs(directory, 'ac-rennes.fr')).toEqual([]);
    expect(await slugs(directory, '@ac-rennes')).toEqual([]);
  });

  it.skipIf(STATE_ON_POSTGRES)('seeks the name words and the email through their indexes on SQLite, scanning no table', async () => {
    const directory = await freshDirectory();
    const plan = (await directory.searchPlan('jean bou')).join('\n');
    expect(plan).toMatch(/SEARCH w USING PRIMARY KEY \(word>\? AND word<\?\)/);
    expect(plan).toMatch(/SEARCH o (EXISTS )?USING COVERING INDEX name_words_by_sub \(sub=\? AND word>\? AND word<\?\)/);
    expect(plan).toMatch(/SEARCH spaces USING (COVERING )?INDEX spaces_by_email \(email>\? AND email<\?\)/);
    expect(plan).toMatch(/SEARCH s USING INDEX sqlite_autoindex_spaces_1 \(sub=\?\)/);
    expect(plan).not.toMatch(/\bSCAN (s|w|o|spaces|name_words)\b/);
    // Read in key order and stopped at the limit, never all matches sorted.
    expect(plan).not.toMatch(/TEMP B-TREE/);
  });

  it.runIf(STATE_ON_POSTGRES)('seeks the name words and the email by byte-wise ranges on their indexes on PostgreSQL', async () => {
    const directory = await freshDirectory();
    // Enough people for the planner to prefer the indexes to reading the tables whole.
    for (let n = 0; n < 1000; n++) {
      await directory.add(space(n));
      await directory.learn(`sub-${n}`, { name: `Personne${n} Nom${n % 97}`, email: `p${n}@ac-rennes.fr` });
    }
    const plan = (await directory.searchPlan('jean bou')).join('\n');
    const range = (column: string, index: string) =>
      new RegExp(`Index (Only )?Scan (using|on) ${index}[^\\n]*\\n(.*\\n)?\\s*Index Cond: \\(\\(${column} >= '[^']*'::text\\) AND \\(${column} < '[^']*'::text\\)\\)`);
    expect(plan).toMatch(range('word', 'name_words_pkey'));
    expect(plan).toMatch(range('email', 'spaces_by_email'));
    expect(plan).toMatch(/Index Only Scan using name_words_by_sub on name_words o\s.*\n\s*Index Cond: \(\(sub = w\.sub\) AND \(word >= '[^']*'::text\) AND \(word < '[^']*'::text\)\)/);
    // Each other word a probe per candidate, never a hash of all its matches.
    expect(plan).not.toMatch(/Seq Scan on (spaces|name_words)|Hash/);
  });
});
