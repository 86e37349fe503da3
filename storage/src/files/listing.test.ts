import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FolderListing, type FileDoc } from '@mytoutatice/contract';
import { listChildren } from './listing.ts';
import { startStorage, type StorageHarness, type TestInstance } from '../../test/harness/storage-harness.ts';

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

  it('sorts by name, date or size, either way, folders first, and pages through each exactly once', async () => {
    const folder = (await (await mkdir('root', 'Tris')).json()) as FileDoc;
    const contents = ['bb', 'a', 'cccc', 'dd', 'e', 'ffffff', 'g'];
    for (const [i, body] of contents.entries()) {
      await storage.call(alice.token, `/files/${folder.id}/files?name=${i % 2 ? 'Fichier' : 'fichier'}%20${i}`, { method: 'POST', body });
    }
    for (const name of ['Dossier B', 'dossier a', 'Dossier C']) await mkdir(folder.id, name);
    const total = contents.length + 3;

    for (const sort of ['name', 'updated', 'size'] as const) {
      for (const order of ['asc', 'desc'] as const) {
        const label = `${sort} ${order}`;
        const all = (await list(folder.id, `?sort=${sort}&order=${order}&limit=1000`)).items;
        expect(all, label).toHaveLength(total);
        expect(all.slice(0, 3).every((item) => item.type === 'directory'), label).toBe(true);
        const files = all.filter((item) => item.type === 'file');
        const value = (item: FileDoc) =>
          sort === 'size' ? (item.size ?? 0) : sort === 'updated' ? item.updatedAt : item.name.toLowerCase();
        for (let i = 1; i < files.length; i++) {
          const [before, after] = [value(files[i - 1] as FileDoc), value(files[i] as FileDoc)];
          expect(order === 'asc' ? before <= after : before >= after, `${label}: ${before} then ${after}`).toBe(true);
        }
        const seen: string[] = [];
        let cursor: string | null = null;
        do {
          const page: FolderListing = await list(folder.id, `?sort=${sort}&order=${order}&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
          seen.push(...page.items.map((item) => item.id));
          cursor = page.next;
        } while (cursor);
        expect(seen, label).toEqual(all.map((item) => item.id));
      }
    }
    const bySize = (await list(folder.id, '?sort=size&order=desc')).items.filter((item) => item.type === 'file');
    expect(bySize.map((item) => item.size)).toEqual([6, 4, 2, 2, 1, 1, 1]);
    expect((await list(folder.id)).items.map((item) => item.name)).toEqual(
      (await list(folder.id, '?sort=name&order=asc')).items.map((item) => item.name),
    );
  });

  it('refuses a cursor made for another sort, and unknown sorts or orders, with 400', async () => {
    const page = await list('root', '?sort=size&limit=1');
    expect(page.next).not.toBeNull();
    for (const query of [`?sort=name&cursor=${page.next}`, `?sort=size&order=desc&cursor=${page.next}`, '?sort=taille', '?order=up']) {
      const response = await storage.call(alice.token, `/files/root/children${query}`);
      expect(response.status, query).toBe(400);
    }
    expect((await storage.call(alice.token, `/files/root/children?sort=size&cursor=${page.next}`)).status).toBe(200);
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
