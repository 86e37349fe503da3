import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { Directory } from './directory.ts';

const dirs: string[] = [];
const dataDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'mytoutatice-directory-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const space = (n: number) => ({ sub: `sub-${n}`, instanceId: `inst-${n}`, slug: `slug-${n}`, backendUrl: 'http://node', createdAt: '2026-11-29T00:00:00Z' });
const slugs = (directory: Directory, q: string, except = '') => directory.search(q, except, 20).map((p) => p.slug);

describe(Directory.name, () => {
  it('upgrades a directory made before people were searchable, keeping its spaces', () => {
    const dir = dataDir();
    const old = new DatabaseSync(join(dir, 'directory.sqlite'));
    old.exec(`CREATE TABLE spaces (sub TEXT PRIMARY KEY, instance_id TEXT NOT NULL UNIQUE, slug TEXT NOT NULL UNIQUE,
      backend_url TEXT NOT NULL, created_at TEXT NOT NULL) STRICT;
      INSERT INTO spaces VALUES ('sub-1', 'inst-1', 'slug-1', 'http://node', '2026-01-01T00:00:00Z');`);
    old.close();

    const directory = new Directory(dir);
    expect(directory.find('sub-1')?.slug).toBe('slug-1');
    expect(slugs(directory, 'jean')).toEqual([]);
    directory.learn('sub-1', { name: 'Jean-Christophe Boullé', email: 'JC.Boulle@ac-rennes.fr' });
    expect(slugs(directory, 'boulle')).toEqual(['slug-1']);
    directory.close();
    // Opened again: the step is not run twice.
    const again = new Directory(dir);
    expect(slugs(again, 'jc.boulle@')).toEqual(['slug-1']);
    again.close();
  });

  it('finds a name by any word’s start, accents and case aside, every query word matching', () => {
    const directory = new Directory(dataDir());
    const people = ['Jean-Christophe Boulle', 'Yannick Bré', 'Œdipe Lefèvre', 'Annabel Bourde'];
    people.forEach((name, n) => {
      directory.add(space(n));
      directory.learn(`sub-${n}`, { name, email: null });
    });
    expect(slugs(directory, 'bo')).toEqual(['slug-3', 'slug-0']);
    expect(slugs(directory, 'CHRIS')).toEqual(['slug-0']);
    expect(slugs(directory, 'bre')).toEqual(['slug-1']);
    expect(slugs(directory, 'BRÉ')).toEqual(['slug-1']);
    expect(slugs(directory, 'oedipe lefe')).toEqual(['slug-2']);
    expect(slugs(directory, 'bou jean')).toEqual(['slug-0']);
    expect(slugs(directory, 'bou yannick')).toEqual([]);
    expect(slugs(directory, 'ou')).toEqual([]);
    expect(slugs(directory, 'bo', 'sub-0')).toEqual(['slug-3']);
    directory.close();
  });

  it('learns a changed name or email and forgets the old one', () => {
    const directory = new Directory(dataDir());
    directory.add(space(1));
    directory.learn('sub-1', { name: 'Nadia Martin', email: 'nadia.martin@ac-rennes.fr' });
    directory.learn('sub-1', { name: 'Nadia Le Goff', email: 'nadia.legoff@ac-rennes.fr' });
    expect(slugs(directory, 'martin')).toEqual([]);
    expect(slugs(directory, 'nadia.martin')).toEqual([]);
    expect(slugs(directory, 'goff')).toEqual(['slug-1']);
    expect(slugs(directory, 'Nadia.LeGoff@AC')).toEqual(['slug-1']);
    expect(directory.search('goff', '', 20)).toEqual([{ slug: 'slug-1', name: 'Nadia Le Goff' }]);
    directory.close();
  });

  it('matches an email only from its start, never inside it', () => {
    const directory = new Directory(dataDir());
    directory.add(space(1));
    directory.learn('sub-1', { name: 'Yannick Bré', email: 'yannick.bre@ac-rennes.fr' });
    expect(slugs(directory, 'yannick.b')).toEqual(['slug-1']);
    expect(slugs(directory, 'ac-rennes.fr')).toEqual([]);
    expect(slugs(directory, '@ac-rennes')).toEqual([]);
    directory.close();
  });

  it('seeks the name words and the email through their indexes, scanning no table', () => {
    const directory = new Directory(dataDir());
    const plan = directory.searchPlan('jean bou').join('\n');
    expect(plan).toMatch(/SEARCH w USING PRIMARY KEY \(word>\? AND word<\?\)/);
    expect(plan).toMatch(/SEARCH o (EXISTS )?USING COVERING INDEX name_words_by_sub \(sub=\? AND word>\? AND word<\?\)/);
    expect(plan).toMatch(/SEARCH spaces USING (COVERING )?INDEX spaces_by_email \(email>\? AND email<\?\)/);
    expect(plan).toMatch(/SEARCH s USING INDEX sqlite_autoindex_spaces_1 \(sub=\?\)/);
    expect(plan).not.toMatch(/\bSCAN (s|w|o|spaces|name_words)\b/);
    directory.close();
  });
});
