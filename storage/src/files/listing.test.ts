import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FolderListing, type FileDoc } from '@mytoutatice/contract';
import { listChildren } from './listing.ts';
import { startStorage, type StorageHarness, type TestInstance } from '../testing/storage-harness.ts';

describe(listChildren.name, () => {
  let storage: StorageHarness;
  let alice: TestInstance;
  beforeAll(async () => {
    storage = await startStorage();
    alice = await storage.createInstance('alice');
  });
  afterAll(() => storage.close());

  const mkdir = (parentId: string, name: string) =>
    storage.call(alice.token, `/files/${parentId}/folders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name }),
    });
  const put = (parentId: string, name: string) =>
    storage.call(alice.token, `/files/${parentId}/files?name=${encodeURIComponent(name)}`, { method: 'POST', body: name });
  const list = async (folderId: string, query = '') =>
    FolderListing.parse(await (await storage.call(alice.token, `/files/${folderId}/children${query}`)).json());

  it('lists folders first, then files, by name ignoring case and accents', async () => {
    const folder = (await (await mkdir('root', 'Tri')).json()) as FileDoc;
    for (const name of ['zèbre.txt', 'Été.txt', 'abricot.txt', 'Banane.txt']) await put(folder.id, name);
    for (const name of ['Zoo', 'école', 'Archives']) await mkdir(folder.id, name);
    const listing = await list(folder.id);
    expect(listing.folder.id).toBe(folder.id);
    expect(listing.items.map((item) => item.name)).toEqual([
      'Archives',
      'école',
      'Zoo',
      'abricot.txt',
      'Banane.txt',
      'Été.txt',
      'zèbre.txt',
    ]);
    expect(listing.next).toBeNull();
  });

  it('pages with a cursor, returning every child exactly once', async () => {
    const folder = (await (await mkdir('root', 'Beaucoup')).json()) as FileDoc;
    const names: string[] = [];
    for (let i = 0; i < 23; i++) {
      const name = `${i % 3 === 0 ? 'Fichier' : 'fichier'} ${i}`;
      names.push(name);
      await (i % 4 === 0 ? mkdir(folder.id, name) : put(folder.id, name));
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `?limit=5${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await list(folder.id, query);
      expect(page.items.length).toBeLessThanOrEqual(5);
      seen.push(...page.items.map((item) => item.name));
      cursor = page.next;
      pages++;
    } while (cursor);
    expect(pages).toBe(5);
    expect([...seen].sort()).toEqual([...names].sort());
    expect(new Set(seen).size).toBe(names.length);
    const all = await list(folder.id, '?limit=1000');
    expect(all.items.map((item) => item.name)).toEqual(seen);
  });

  it('answers 400 to a bad cursor or limit, 400 not_a_folder for a file, 404 for an unknown id', async () => {
    for (const query of ['?cursor=nope!', '?cursor=e30', '?limit=0', '?limit=abc', '?limit=-1']) {
      const response = await storage.call(alice.token, `/files/root/children${query}`);
      expect(response.status).toBe(400);
      expect((await response.json()).code).toBe('bad_request');
    }
    const file = (await (await put('root', 'seul.txt')).json()) as FileDoc;
    const notFolder = await storage.call(alice.token, `/files/${file.id}/children`);
    expect(notFolder.status).toBe(400);
    expect((await notFolder.json()).code).toBe('not_a_folder');
    expect((await storage.call(alice.token, '/files/inconnu/children')).status).toBe(404);
  });
});
