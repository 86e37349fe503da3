import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InstanceInfo } from '@mytoutatice/contract';
import { trashFile } from './trash.ts';
import { fileCalls, type FileCalls } from '../../test/files/test-calls.ts';
import { startStorage, type StorageHarness } from '../../test/harness/storage-harness.ts';

describe(trashFile.name, () => {
  let storage: StorageHarness;
  let api: FileCalls;
  beforeAll(async () => {
    storage = await startStorage();
    api = fileCalls(storage, (await storage.createInstance('alice')).token);
  });
  afterAll(() => storage.close());

  it('hides a trashed folder and all it holds from listings, search, recents and favourites', async () => {
    const folder = await api.folder('root', 'Zanzibar');
    const sub = await api.folder(folder.id, 'Zanzibar photos');
    const file = await api.file(sub.id, 'zanzibar plage.txt', 'sable');
    await api.patch(file.id, { favorite: true });
    await api.patch(sub.id, { favorite: true });
    expect((await api.search('zanzibar')).items).toHaveLength(3);
    expect((await api.recent()).items.map((item) => item.id)).toContain(file.id);
    expect((await api.favorites()).items.map((item) => item.id)).toEqual(expect.arrayContaining([file.id, sub.id]));

    const response = await api.trash(folder.id);
    expect(response.status).toBe(200);
    const trashed = await response.json();
    expect(trashed).toMatchObject({ id: folder.id, trashedAt: expect.any(String), path: '/Zanzibar' });

    expect(await api.names('root')).not.toContain('Zanzibar');
    expect((await api.search('zanzibar')).items).toEqual([]);
    expect((await api.recent()).items.map((item) => item.id)).not.toContain(file.id);
    expect((await api.favorites()).items.map((item) => item.id)).not.toEqual(expect.arrayContaining([file.id]));
    expect((await api.favorites()).items.map((item) => item.id)).not.toEqual(expect.arrayContaining([sub.id]));
    // What it held is marked trashed too, and can still be looked at.
    expect((await api.get(file.id)).trashedAt).toBe(trashed.trashedAt);
    expect(await api.names(sub.id)).toEqual(['zanzibar plage.txt']);
    expect(await (await api.call(`/files/${file.id}/content`)).text()).toBe('sable');
  });

  it('lists the trash newest first, only its top items, each with the path it came from', async () => {
    const fresh = fileCalls(storage, (await storage.createInstance()).token);
    const folder = await fresh.folder('root', 'Classeur');
    const inside = await fresh.file(folder.id, 'dedans.txt');
    const ids: string[] = [];
    for (const name of ['un.txt', 'deux.txt', 'trois.txt']) {
      const file = await fresh.file(folder.id, name);
      await fresh.trash(file.id);
      ids.unshift(file.id);
    }
    await fresh.trash(folder.id);
    ids.unshift(folder.id);
    const trash = await fresh.trashed();
    expect(trash.folder.id).toBe('trash');
    expect(trash.items.map((item) => item.id)).toEqual(ids);
    expect(trash.items.map((item) => item.path)).toEqual(['/Classeur', '/Classeur/trois.txt', '/Classeur/deux.txt', '/Classeur/un.txt']);
    expect(trash.items.map((item) => item.id)).not.toContain(inside.id);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await fresh.trashed(`?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.next;
    } while (cursor);
    expect(seen).toEqual(ids);
    expect((await fresh.call('/files/trash/children?cursor=zzz')).status).toBe(400);
  });

  it('suffixes a name already in the trash, and trashing twice changes nothing', async () => {
    const a = await api.folder('root', 'A');
    const b = await api.folder('root', 'B');
    const first = await api.file(a.id, 'rapport.pdf');
    const second = await api.file(b.id, 'rapport.pdf');
    await api.trash(first.id);
    const trashed = await (await api.trash(second.id)).json();
    expect(trashed).toMatchObject({ name: 'rapport (2).pdf', parentId: 'trash', path: '/B/rapport.pdf' });
    const again = await api.trash(second.id);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(trashed);
  });

  it('refuses to create or upload into the trash or a trashed folder with 409 in_trash', async () => {
    const folder = await api.folder('root', 'Fermé');
    await api.trash(folder.id);
    for (const parent of ['trash', folder.id]) {
      for (const response of [await api.mkdir(parent, 'Nouveau'), await api.put(parent, 'nouveau.txt')]) {
        expect(response.status, parent).toBe(409);
        expect((await response.json()).code).toBe('in_trash');
      }
    }
  });

  it('splits usage between files and trash', async () => {
    const fresh = fileCalls(storage, (await storage.createInstance()).token);
    await fresh.file('root', 'garde.txt', '12345');
    const gone = await fresh.file('root', 'jette.txt', '123');
    await fresh.trash(gone.id);
    const info = InstanceInfo.parse(await (await fresh.call('/instance')).json());
    expect(info).toMatchObject({ usedBytes: 8, usage: { files: 5, trash: 3 } });
  });

  it('refuses to trash the root or the trash with 403, and answers 404 for an unknown id', async () => {
    for (const id of ['root', 'trash']) {
      const response = await api.call(`/files/${id}`, { method: 'DELETE' });
      // `DELETE /files/trash` empties the trash instead: it is 204.
      expect(response.status, id).toBe(id === 'root' ? 403 : 204);
    }
    expect((await api.restore('trash')).status).toBe(403);
    expect((await api.trash(crypto.randomUUID())).status).toBe(404);
    expect((await api.call('/files/root?forever=sure', { method: 'DELETE' })).status).toBe(400);
  });
});
