import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { favoriteFiles } from './favorites.ts';
import { recentFiles } from './recent.ts';
import { fileCalls, type FileCalls } from '../../test/files/test-calls.ts';
import { startStorage, type StorageHarness } from '../../test/harness/storage-harness.ts';

describe(recentFiles.name, () => {
  let storage: StorageHarness;
  let api: FileCalls;
  beforeAll(async () => {
    storage = await startStorage();
    api = fileCalls(storage, (await storage.createInstance('alice')).token);
  });
  afterAll(() => storage.close());

  it('lists files, not folders, last changed first, each with its path, page by page', async () => {
    const folder = await api.folder('root', 'Cours');
    const ids: string[] = [];
    for (const name of ['un.txt', 'deux.txt', 'trois.txt']) {
      ids.unshift((await api.file(folder.id, name)).id);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const first = await api.recent('?limit=2');
    expect(first.items.map((item) => item.id)).toEqual(ids.slice(0, 2));
    expect(first.items[0]?.path).toBe('/Cours/trois.txt');
    const second = await api.recent(`?limit=2&cursor=${first.next}`);
    expect(second.items.map((item) => item.id)).toEqual(ids.slice(2));
    expect(second.next).toBeNull();

    // A rename is a change: the file comes first again.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await api.patch(ids[2] ?? '', { name: 'premier.txt' });
    expect((await api.recent()).items[0]?.name).toBe('premier.txt');
  });
});

describe(favoriteFiles.name, () => {
  let storage: StorageHarness;
  let api: FileCalls;
  beforeAll(async () => {
    storage = await startStorage();
    api = fileCalls(storage, (await storage.createInstance('alice')).token);
  });
  afterAll(() => storage.close());

  it('lists files and folders marked favourite, by name, with their paths, page by page', async () => {
    const folder = await api.folder('root', 'Projets');
    const b = await api.file(folder.id, 'b.txt');
    const a = await api.file('root', 'A.txt');
    await api.file('root', 'pas favori.txt');
    for (const item of [b, a, folder]) await api.patch(item.id, { favorite: true });
    const all = await api.favorites();
    expect(all.items.map((item) => [item.name, item.path, item.favorite])).toEqual([
      ['A.txt', '/A.txt', true],
      ['b.txt', '/Projets/b.txt', true],
      ['Projets', '/Projets', true],
    ]);
    const first = await api.favorites('?limit=2');
    const second = await api.favorites(`?limit=2&cursor=${first.next}`);
    expect([...first.items, ...second.items].map((item) => item.id)).toEqual(all.items.map((item) => item.id));
    await api.patch(a.id, { favorite: false });
    expect((await api.favorites()).items.map((item) => item.name)).toEqual(['b.txt', 'Projets']);
  });
});
