import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateFile } from './update-file.ts';
import { fileCalls, type FileCalls } from '../../test/files/test-calls.ts';
import { startStorage, type StorageHarness } from '../../test/harness/storage-harness.ts';

describe(updateFile.name, () => {
  let storage: StorageHarness;
  let api: FileCalls;
  beforeAll(async () => {
    storage = await startStorage();
    api = fileCalls(storage, (await storage.createInstance('alice')).token);
  });
  afterAll(() => storage.close());

  it('renames a file, which then shows under its new name and keeps its content', async () => {
    const file = await api.file('root', 'brouillon.txt', 'contenu');
    const response = await api.patch(file.id, { name: 'Rapport final.txt' });
    expect(response.status).toBe(200);
    const renamed = await response.json();
    expect(renamed).toMatchObject({ id: file.id, name: 'Rapport final.txt', parentId: 'root' });
    expect(renamed.updatedAt >= file.updatedAt).toBe(true);
    expect(await api.names('root')).toContain('Rapport final.txt');
    expect(await api.names('root')).not.toContain('brouillon.txt');
    expect(await (await api.call(`/files/${file.id}/content`)).text()).toBe('contenu');
  });

  it('moves a folder with what it holds, and renames while moving', async () => {
    const from = await api.folder('root', 'Départ');
    const to = await api.folder('root', 'Arrivée');
    const moved = await api.folder(from.id, 'Classeur');
    const inside = await api.file(moved.id, 'fiche.txt');
    const response = await api.patch(moved.id, { parentId: to.id, name: 'Classeur 2025' });
    expect(await response.json()).toMatchObject({ id: moved.id, parentId: to.id, name: 'Classeur 2025' });
    expect(await api.names(from.id)).toEqual([]);
    expect(await api.names(to.id)).toEqual(['Classeur 2025']);
    expect((await api.get(inside.id)).parentId).toBe(moved.id);
  });

  it('marks and unmarks a favourite without changing the date', async () => {
    const file = await api.file('root', 'favori.txt');
    const marked = await (await api.patch(file.id, { favorite: true })).json();
    expect(marked).toMatchObject({ favorite: true, updatedAt: file.updatedAt });
    expect((await api.get(file.id)).favorite).toBe(true);
    expect((await (await api.patch(file.id, { favorite: false })).json()).favorite).toBe(false);
  });

  it('refuses to move a folder into itself or below itself with 400 invalid_move', async () => {
    const top = await api.folder('root', 'Haut');
    const middle = await api.folder(top.id, 'Milieu');
    const bottom = await api.folder(middle.id, 'Bas');
    for (const target of [top.id, middle.id, bottom.id]) {
      const response = await api.patch(top.id, { parentId: target });
      expect(response.status, target).toBe(400);
      expect((await response.json()).code).toBe('invalid_move');
    }
    expect((await api.get(top.id)).parentId).toBe('root');
  });

  it.each([
    ['..', 'réservé'],
    ['a/b', 'interdit'],
    ['nul\u0000', 'interdit'],
    ['facture\u202Efdp.exe', 'interdit'],
    ['', 'vide'],
  ])('refuses to rename to %j with 400 invalid_name', async (name, reason) => {
    const file = await api.file('root', `victime ${encodeURIComponent(name)}.txt`);
    const response = await api.patch(file.id, { name });
    expect(response.status).toBe(400);
    const problem = await response.json();
    expect(problem).toMatchObject({ code: 'invalid_name' });
    expect(problem.detail).toContain(reason);
    expect((await api.get(file.id)).name).toBe(`victime ${encodeURIComponent(name)}.txt`);
  });

  it('answers a clash with 409 name_conflict and a free name, or takes it with conflict=rename', async () => {
    const folder = await api.folder('root', 'Conflits');
    await api.file(folder.id, 'rapport.pdf');
    const other = await api.file(folder.id, 'autre.pdf');
    const clash = await api.patch(other.id, { name: 'rapport.pdf' });
    expect(clash.status).toBe(409);
    expect(await clash.json()).toMatchObject({ code: 'name_conflict', suggestedName: 'rapport (2).pdf' });
    const renamed = await (await api.patch(other.id, { name: 'rapport.pdf' }, '?conflict=rename')).json();
    expect(renamed.name).toBe('rapport (2).pdf');

    const elsewhere = await api.file('root', 'rapport.pdf');
    const moved = await (await api.patch(elsewhere.id, { parentId: folder.id }, '?conflict=rename')).json();
    expect(moved).toMatchObject({ parentId: folder.id, name: 'rapport (3).pdf' });
    // Renaming to its own name, or changing only the case, is no clash.
    expect((await api.patch(other.id, { name: 'rapport (2).pdf' })).status).toBe(200);
    expect((await (await api.patch(other.id, { name: 'RAPPORT (2).pdf' })).json()).name).toBe('RAPPORT (2).pdf');
  });

  it('refuses to touch the root (403), to move into a file (400) or the trash (409), and bad bodies (400)', async () => {
    for (const body of [{ name: 'racine' }, { parentId: 'root' }, { favorite: true }]) {
      const response = await api.patch('root', body);
      expect(response.status).toBe(403);
      expect((await response.json()).code).toBe('forbidden');
    }
    const file = await api.file('root', 'simple.txt');
    const folder = await api.folder('root', 'Simple');
    expect((await (await api.patch(folder.id, { parentId: file.id })).json()).code).toBe('not_a_folder');
    const intoTrash = await api.patch(folder.id, { parentId: 'trash' });
    expect(intoTrash.status).toBe(409);
    expect((await intoTrash.json()).code).toBe('in_trash');
    for (const body of [[], 'nom', { parentId: 42 }, { favorite: 'oui' }]) {
      const response = await api.patch(file.id, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect((await response.json()).code).toBe('bad_request');
    }
    expect((await api.patch(file.id, { name: 42 })).status).toBe(400);
    expect((await api.patch(file.id, { name: 'x' }, '?conflict=maybe')).status).toBe(400);
    expect((await api.patch(crypto.randomUUID(), { name: 'x' })).status).toBe(404);
    expect((await api.patch(file.id, { parentId: crypto.randomUUID() })).status).toBe(404);
  });

  it('refuses to rename or move what is in the trash with 409 in_trash', async () => {
    const file = await api.file('root', 'jeté.txt');
    await api.trash(file.id);
    const response = await api.patch(file.id, { name: 'repêché.txt' });
    expect(response.status).toBe(409);
    expect((await response.json()).code).toBe('in_trash');
  });
});
