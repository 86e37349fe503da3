import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restoreFile } from './restore.ts';
import { fileCalls, type FileCalls } from '../../test/files/test-calls.ts';
import { startStorage, type StorageHarness } from '../../test/harness/storage-harness.ts';

describe(restoreFile.name, () => {
  let storage: StorageHarness;
  let api: FileCalls;
  beforeAll(async () => {
    storage = await startStorage();
    api = fileCalls(storage, (await storage.createInstance('alice')).token);
  });
  afterAll(() => storage.close());

  it('puts a folder back where it was, with all it holds, findable again', async () => {
    const parent = await api.folder('root', 'Administratif');
    const folder = await api.folder(parent.id, 'Ensap');
    const file = await api.file(folder.id, 'bulletin-mai.pdf', 'paie');
    await api.trash(folder.id);
    const response = await api.restore(folder.id);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: folder.id, parentId: parent.id, name: 'Ensap', trashedAt: null, path: '/Administratif/Ensap' });
    expect(await api.names(parent.id)).toEqual(['Ensap']);
    expect((await api.get(file.id)).trashedAt).toBeNull();
    expect((await api.search('bulletin-mai')).items.map((item) => item.path)).toEqual(['/Administratif/Ensap/bulletin-mai.pdf']);
    expect((await api.trashed()).items.map((item) => item.id)).not.toContain(folder.id);
  });

  it('makes the original folders again when they were destroyed meanwhile', async () => {
    const a = await api.folder('root', 'Année 2024');
    const b = await api.folder(a.id, 'Trimestre 1');
    const file = await api.file(b.id, 'notes.txt');
    await api.trash(file.id);
    await api.trash(a.id);
    expect((await api.destroy(a.id)).status).toBe(204);

    const restored = await (await api.restore(file.id)).json();
    expect(restored).toMatchObject({ name: 'notes.txt', path: '/Année 2024/Trimestre 1/notes.txt' });
    const year = (await api.list('root')).items.find((item) => item.name === 'Année 2024');
    expect(year?.id).not.toBe(a.id);
    const term = (await api.list(year?.id ?? '')).items[0];
    expect(term).toMatchObject({ name: 'Trimestre 1', type: 'directory' });
    expect(restored.parentId).toBe(term?.id);
  });

  it('takes a free name when a same-named item stands there now, and keeps its name when the trash had suffixed it', async () => {
    const folder = await api.folder('root', 'Rapports');
    const old = await api.file(folder.id, 'rapport.pdf', 'ancien');
    await api.trash(old.id);
    await api.file(folder.id, 'rapport.pdf', 'nouveau');
    expect((await (await api.restore(old.id)).json()).name).toBe('rapport (2).pdf');
    expect(await api.names(folder.id)).toEqual(['rapport (2).pdf', 'rapport.pdf']);

    const x = await api.folder('root', 'X');
    const y = await api.folder('root', 'Y');
    const inX = await api.file(x.id, 'même.txt');
    const inY = await api.file(y.id, 'même.txt');
    await api.trash(inX.id);
    expect((await (await api.trash(inY.id)).json()).name).toBe('même (2).txt');
    expect((await (await api.restore(inY.id)).json())).toMatchObject({ parentId: y.id, name: 'même.txt' });
  });

  it('brings back one item from inside a trashed folder, the folder staying in the trash', async () => {
    const folder = await api.folder('root', 'Vrac');
    const keep = await api.file(folder.id, 'utile.txt');
    const drop = await api.file(folder.id, 'inutile.txt');
    await api.trash(folder.id);
    const restored = await (await api.restore(keep.id)).json();
    expect(restored).toMatchObject({ trashedAt: null, path: '/Vrac/utile.txt' });
    expect(restored.parentId).not.toBe(folder.id);
    expect((await api.get(folder.id)).trashedAt).not.toBeNull();
    expect(await api.names(folder.id)).toEqual(['inutile.txt']);
    expect((await api.get(drop.id)).trashedAt).not.toBeNull();
  });

  it('changes nothing for an item that is not in the trash, refuses the root (403) and unknown ids (404)', async () => {
    const file = await api.file('root', 'vivant.txt');
    const response = await api.restore(file.id);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ...file, path: '/vivant.txt' });
    expect((await api.restore('root')).status).toBe(403);
    expect((await api.restore(crypto.randomUUID())).status).toBe(404);
  });
});
