import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InstanceInfo } from '@mytoutatice/contract';
import { copyFile } from './copy.ts';
import { fileCalls, type FileCalls } from '../../test/files/test-calls.ts';
import { blobKeys, startStorage, type StorageHarness, type TestInstance } from '../../test/harness/storage-harness.ts';

describe(copyFile.name, () => {
  let storage: StorageHarness;
  let alice: TestInstance;
  let api: FileCalls;
  beforeAll(async () => {
    storage = await startStorage({ defaultQuotaBytes: 1000 });
    alice = await storage.createInstance('alice');
    api = fileCalls(storage, alice.token);
  });
  afterAll(() => storage.close());

  const blobs = () => blobKeys(storage, alice.id);

  it('copies a file into another folder as a new file with the same content', async () => {
    const source = await api.file('root', 'cours.txt', 'leçon 1');
    const target = await api.folder('root', 'Copies');
    const response = await api.copy(source.id, { parentId: target.id });
    expect(response.status).toBe(201);
    const copy = await response.json();
    expect(copy).toMatchObject({ name: 'cours.txt', parentId: target.id, size: source.size, sha256: source.sha256, favorite: false });
    expect(copy.id).not.toBe(source.id);
    expect(await (await api.call(`/files/${copy.id}/content`)).text()).toBe('leçon 1');
    expect(await blobs()).toEqual(expect.arrayContaining([copy.id]));
    // The copy lives on its own: destroying the original keeps it.
    await api.trash(source.id);
    await api.destroy(source.id);
    expect(await (await api.call(`/files/${copy.id}/content`)).text()).toBe('leçon 1');
  });

  it('duplicates in the same folder only when asked to rename, and can name the copy', async () => {
    const source = await api.file('root', 'devoir.txt', 'x');
    const clash = await api.copy(source.id);
    expect(clash.status).toBe(409);
    expect(await clash.json()).toMatchObject({ code: 'name_conflict', suggestedName: 'devoir (2).txt' });
    expect((await (await api.copy(source.id, {}, '?conflict=rename')).json()).name).toBe('devoir (2).txt');
    expect((await (await api.copy(source.id, { name: 'devoir corrigé.txt' })).json()).name).toBe('devoir corrigé.txt');
    expect((await api.copy(source.id, { name: '../x' })).status).toBe(400);
  });

  it('copies a folder with everything below it', async () => {
    const top = await api.folder('root', 'Projet');
    const sub = await api.folder(top.id, 'Annexes');
    await api.file(top.id, 'plan.txt', 'plan');
    await api.file(sub.id, 'annexe.txt', 'annexe');
    const copy = await (await api.copy(top.id, {}, '?conflict=rename')).json();
    expect(copy).toMatchObject({ type: 'directory', name: 'Projet (2)', parentId: 'root' });
    expect(await api.names(copy.id)).toEqual(['Annexes', 'plan.txt']);
    const copiedSub = (await api.list(copy.id)).items.find((item) => item.name === 'Annexes');
    expect(copiedSub?.id).not.toBe(sub.id);
    const annexe = (await api.list(copiedSub?.id ?? '')).items[0];
    expect(await (await api.call(`/files/${annexe?.id}/content`)).text()).toBe('annexe');
    expect(await api.names(sub.id)).toEqual(['annexe.txt']);

    const intoItself = await api.copy(top.id, { parentId: sub.id });
    expect(intoItself.status).toBe(400);
    expect((await intoItself.json()).code).toBe('invalid_move');
  });

  it('counts copies, and the trash, against the quota: 413 quota_exceeded when they do not fit', async () => {
    const bob = fileCalls(storage, (await storage.createInstance('bob')).token);
    const usedByBob = async () => InstanceInfo.parse(await (await bob.call('/instance')).json());
    const folder = await bob.folder('root', 'Lourd');
    const big = await bob.file(folder.id, 'gros.bin', 'x'.repeat(400));
    const copy = await (await bob.copy(big.id, { name: 'gros 2.bin' })).json();
    expect((await usedByBob()).usedBytes).toBe(800);
    const over = await bob.copy(folder.id, {}, '?conflict=rename');
    expect(over.status).toBe(413);
    expect((await over.json()).code).toBe('quota_exceeded');
    expect((await bob.copy(big.id, { parentId: 'root' })).status).toBe(413);

    // Trashed content still takes room (it can come back) until it is destroyed.
    await bob.trash(copy.id);
    expect((await usedByBob()).usage).toEqual({ files: 400, trash: 400, versions: 0 });
    expect((await bob.copy(big.id, { parentId: 'root' })).status).toBe(413);
    await bob.destroy(copy.id);
    expect((await usedByBob()).usage).toEqual({ files: 400, trash: 0, versions: 0 });
    expect((await bob.copy(big.id, { parentId: 'root' })).status).toBe(201);
  });

  it('refuses to copy the root (403), from the trash or into it (409)', async () => {
    expect((await api.copy('root', { parentId: 'root' })).status).toBe(403);
    const file = await api.file('root', 'à jeter.txt');
    await api.trash(file.id);
    expect((await (await api.copy(file.id, { parentId: 'root' })).json()).code).toBe('in_trash');
    const other = await api.file('root', 'à garder.txt');
    expect((await (await api.copy(other.id, { parentId: 'trash' })).json()).code).toBe('in_trash');
    expect((await api.copy(other.id, { parentId: 12 })).status).toBe(400);
    expect((await api.copy(crypto.randomUUID())).status).toBe(404);
  });
});
