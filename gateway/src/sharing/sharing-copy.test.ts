import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileDoc, FolderListing } from '@mytoutatice/contract';
import type { GatewayHarness } from '../../test/gateway-harness.ts';
import pino from 'pino';
import { StorageClient } from '../storage-client/storage-client.ts';
import { copySharedItem } from './sharing-copy.ts';
import type { sharingCalls } from '../../test/sharing-test-calls.ts';
import { jsonBody, twoNodeClass } from '../../test/sharing-test-calls.ts';

/** A tree as its owner sees it: `path → sha256` for files, `path/` for folders. */
async function treeOf(gw: GatewayHarness, token: string, folderId: string, prefix = ''): Promise<string[]> {
  const listing = FolderListing.parse(await (await gw.call(token, `/api/files/${folderId}/children?limit=1000`)).json());
  const lines: string[] = [];
  for (const item of listing.items) {
    if (item.type === 'directory') lines.push(`${prefix}${item.name}/`, ...(await treeOf(gw, token, item.id, `${prefix}${item.name}/`)));
    else lines.push(`${prefix}${item.name} ${item.sha256 ?? ''}`);
  }
  return lines;
}

describe(copySharedItem.name, () => {
  let gw: GatewayHarness;
  let calls: ReturnType<typeof sharingCalls>;
  /** The teacher and the agent on the first node, the two pupils on the second. */
  let teacher: string;
  let pupil: string;
  let agent: string;
  let secondPupil: string;

  beforeAll(async () => {
    ({ gw, calls, teacher, pupil, agent, secondPupil } = await twoNodeClass());
  }, 60_000);
  afterAll(() => gw.close());

  const copy = (token: string, sharingId: string, body: unknown) => gw.call(token, `/gateway/sharings/${sharingId}/copy`, jsonBody('POST', body));
  const outcome = async (res: Response) => calls.outcome(res);

  it('copies a shared file across nodes byte for byte, a taken name getting a number', async () => {
    const bytes = randomBytes(3 * 1024 * 1024 + 17);
    const file = await calls.upload(teacher, 'root', 'sujet.bin', bytes as unknown as string);
    const { id } = await calls.share(teacher, file.id, [{ slug: 'eleve', role: 'read' }]);

    const first = await copy(pupil, id, { folderId: 'root' });
    expect(first.status).toBe(201);
    const copied = FileDoc.parse(await first.json());
    expect(copied).toMatchObject({ name: 'sujet.bin', parentId: expect.any(String), size: bytes.length, createdBy: null });
    expect(Buffer.from(await (await gw.call(pupil, `/api/files/${copied.id}/content`)).arrayBuffer()).equals(bytes)).toBe(true);

    const again = FileDoc.parse(await (await copy(pupil, id, { folderId: 'root', itemId: file.id })).json());
    expect(again.name).toBe('sujet (2).bin');
    // The owner's file is untouched and the copy is the pupil's own: removing them changes nothing.
    expect((await gw.call(teacher, `/gateway/sharings/${id}/members/eleve`, { method: 'DELETE' })).status).toBe(204);
    expect((await gw.call(pupil, `/api/files/${copied.id}/content`)).status).toBe(200);
  });

  it('copies a folder tree identical, into a folder of one’s own, twice side by side', async () => {
    const folder = await calls.folder(teacher, 'root', 'Cours');
    const chapter = await calls.folder(teacher, folder.id, 'Chapitre 1');
    await calls.folder(teacher, chapter.id, 'Vide');
    await calls.upload(teacher, chapter.id, 'exercices.pdf', randomBytes(200_000) as unknown as string);
    await calls.upload(teacher, folder.id, 'plan.txt', 'I. II. III.');
    await calls.upload(teacher, folder.id, 'vide.txt', '');
    const { id } = await calls.share(teacher, folder.id, [
      { slug: 'eleve', role: 'read' },
      { slug: 'agent', role: 'write' },
    ]);
    const into = await calls.folder(pupil, 'root', 'Reçus');

    const res = await copy(pupil, id, { folderId: into.id });
    expect(res.status).toBe(201);
    expect(FileDoc.parse(await res.json())).toMatchObject({ name: 'Cours', type: 'directory', parentId: into.id });
    const original = await treeOf(gw, teacher, folder.id);
    expect(original).toHaveLength(5);
    const copies = FolderListing.parse(await (await gw.call(pupil, `/api/files/${into.id}/children`)).json()).items;
    expect(await treeOf(gw, pupil, copies[0]?.id ?? '')).toEqual(original);

    expect(FileDoc.parse(await (await copy(pupil, id, { folderId: into.id })).json()).name).toBe('Cours (2)');
    // Something inside the shared folder alone, by a member on the same node as the owner.
    const part = FileDoc.parse(await (await copy(agent, id, { itemId: chapter.id, folderId: 'root' })).json());
    expect(await treeOf(gw, agent, part.id)).toEqual(original.filter((line) => line.startsWith('Chapitre 1/') && line !== 'Chapitre 1/').map((line) => line.slice('Chapitre 1/'.length)));
  });

  it('copies out of a « dépôt » only what the member added themself', async () => {
    const drop = await calls.folder(teacher, 'root', 'Devoirs');
    await calls.upload(teacher, drop.id, 'consigne.txt', 'À rendre lundi');
    const { id } = await calls.share(teacher, drop.id, [
      { slug: 'admin', role: 'drop' },
      { slug: 'agent', role: 'drop' },
    ]);
    const theirs = await calls.upload(agent, drop.id, 'copie-agent.txt', 'A', `/api/sharings/${id}`);
    await calls.upload(secondPupil, drop.id, 'copie-admin.txt', 'B', `/api/sharings/${id}`);

    const res = await copy(secondPupil, id, { folderId: 'root' });
    expect(res.status).toBe(201);
    expect(await treeOf(gw, secondPupil, FileDoc.parse(await res.json()).id)).toEqual([expect.stringMatching(/^copie-admin\.txt /)]);
    expect(await outcome(await copy(secondPupil, id, { itemId: theirs.id, folderId: 'root' }))).toBe('404 not_found');
  });

  it('refuses strangers, items outside the sharing and folders not one’s own, with 404', async () => {
    const shared = await calls.folder(teacher, 'root', 'Partagé');
    const outside = await calls.upload(teacher, 'root', 'privé.txt', 'secret');
    const { id } = await calls.share(teacher, shared.id, [{ slug: 'eleve', role: 'write' }]);
    const before = await calls.names(pupil, '/api/files/root/children');

    expect(await outcome(await copy(secondPupil, id, { folderId: 'root' }))).toBe('404 not_found');
    expect(await outcome(await copy(pupil, 'AAAAAAAAAAAAAAAAAAAAAA', { folderId: 'root' }))).toBe('404 not_found');
    expect(await outcome(await copy(pupil, id, { itemId: outside.id, folderId: 'root' }))).toBe('404 not_found');
    expect(await outcome(await copy(pupil, id, { folderId: shared.id }))).toBe('404 not_found');
    expect(await outcome(await copy(pupil, id, {}))).toBe('400 bad_request');
    expect(await calls.names(pupil, '/api/files/root/children')).toEqual(before);
    expect(await calls.names(teacher, `/api/files/${shared.id}/children`)).toEqual([]);
  });

  it('refuses a copy larger than the room left with 413 quota_exceeded, writing nothing', async () => {
    const folder = await calls.folder(teacher, 'root', 'Vidéos');
    await calls.upload(teacher, folder.id, 'a.bin', 'x'.repeat(60_000));
    await calls.upload(teacher, folder.id, 'b.bin', 'y'.repeat(60_000));
    const { id } = await calls.share(teacher, folder.id, [{ slug: 'admin', role: 'read' }]);
    const used = ((await (await gw.call(secondPupil, '/api/instance')).json()) as { usedBytes: number }).usedBytes;
    await gw.secondStorage?.metadata.registry.run('UPDATE instances SET quota_bytes = ? WHERE slug = ?', used + 100_000, 'admin');
    const before = await calls.names(secondPupil, '/api/files/root/children');

    const res = await copy(secondPupil, id, { folderId: 'root' });
    expect(await outcome(res)).toBe('413 quota_exceeded');
    expect(await calls.names(secondPupil, '/api/files/root/children')).toEqual(before);
  });

  describe('between two spaces of one node, called directly', () => {
    // The targets carry their own tokens: nothing is minted.
    const client = new StorageClient({ mint: () => Promise.reject(new Error('no minting here')), log: pino({ level: 'silent' }), timeoutMs: 10_000 });
    const setUp = async () => {
      const [from, to] = [await gw.storage.createInstance(), await gw.storage.createInstance()];
      const end = (token: string, hook: () => void = () => undefined) => ({ backendUrl: gw.storage.url, token: async () => (hook(), token) });
      const post = async (path: string, init: RequestInit) => FileDoc.parse(await (await gw.storage.call(from.token, path, init)).json());
      const folder = await post('/files/root/folders', jsonBody('POST', { name: 'Classeur' }));
      for (const name of ['a.txt', 'b.txt', 'c.txt']) await post(`/files/${folder.id}/files?name=${name}`, { method: 'POST', body: name });
      const names = async () => ((await (await gw.storage.call(to.token, '/files/root/children')).json()) as FolderListing).items.map((i) => i.name);
      const trash = async () => ((await (await gw.storage.call(to.token, '/files/trash/children')).json()) as FolderListing).items;
      return { from, to, end, folder, names, trash };
    };

    it('refuses more items than the bound with 413 too_many_items before writing anything', async () => {
      const { from, to, end, folder, names } = await setUp();
      const refused = copySharedItem(client, end(from.token), end(to.token), folder.id, 'root', 3);
      await expect(refused).rejects.toMatchObject({ status: 413, code: 'too_many_items' });
      expect(await names()).toEqual([]);
      await copySharedItem(client, end(from.token), end(to.token), folder.id, 'root', 4);
      expect(await names()).toEqual(['Classeur']);
    });

    it('removes a copy that failed midway, leaving nothing in the folder or the trash', async () => {
      const { from, to, end, folder, names, trash } = await setUp();
      let calls = 0;
      // The target fails its fourth call (the first file, once the folder is made), as a node going away would.
      const failing = end(to.token, () => {
        if (++calls === 4) throw new Error('node gone');
      });
      await expect(copySharedItem(client, end(from.token), failing, folder.id, 'root')).rejects.toThrow();
      expect(await names()).toEqual([]);
      expect(await trash()).toEqual([]);
    });
  });
});
