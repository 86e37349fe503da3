import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileDoc } from '@mytoutatice/contract';
import { startStorage, type StorageHarness, type TestInstance } from '../../test/harness/storage-harness.ts';

describe('instance isolation', () => {
  let storage: StorageHarness;
  let alice: TestInstance;
  let bob: TestInstance;
  let bobFolder: FileDoc;
  let bobFile: FileDoc;
  beforeAll(async () => {
    storage = await startStorage();
    alice = await storage.createInstance('alice');
    bob = await storage.createInstance('bob');
    bobFolder = FileDoc.parse(
      await (
        await storage.call(bob.token, '/files/root/folders', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ name: 'Privé' }),
        })
      ).json(),
    );
    bobFile = FileDoc.parse(
      await (await storage.call(bob.token, `/files/${bobFolder.id}/files?name=secret.txt`, { method: 'POST', body: 'secret' })).json(),
    );
  });
  afterAll(() => storage.close());

  it('never lets one instance reach another one’s files: they are simply not found', async () => {
    const attempts: [string, RequestInit?][] = [
      [`/files/${bobFile.id}`],
      [`/files/${bobFolder.id}`],
      [`/files/${bobFolder.id}/children`],
      [`/files/${bobFile.id}/content`],
      [`/files/${bobFile.id}/download-link`, { method: 'POST' }],
      [`/files/${bobFolder.id}/files?name=intrus.txt`, { method: 'POST', body: 'intrus' }],
      [
        `/files/${bobFolder.id}/folders`,
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"intrus"}' },
      ],
      [`/files/${bobFile.id}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: '{"name":"pris"}' }],
      [`/files/${bobFile.id}/copy`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }],
      [`/files/${bobFile.id}`, { method: 'DELETE' }],
      [`/files/${bobFile.id}?forever=true`, { method: 'DELETE' }],
      [`/files/${bobFile.id}/restore`, { method: 'POST' }],
      [`/files/${bobFolder.id}/children?sort=size&order=desc`],
    ];
    for (const [path, init] of attempts) {
      const response = await storage.call(alice.token, path, init);
      expect(response.status, path).toBe(404);
      expect((await response.json()).code).toBe('not_found');
    }
    const bobListing = await (await storage.call(bob.token, `/files/${bobFolder.id}/children`)).json();
    expect(bobListing.items.map((item: FileDoc) => item.name)).toEqual(['secret.txt']);
  });

  it('shows each owner only their own root', async () => {
    const aliceRoot = await (await storage.call(alice.token, '/files/root/children')).json();
    expect(aliceRoot.items).toEqual([]);
  });

  it('never moves or copies into another instance’s folder, nor shows its items in search, recents, favourites or trash', async () => {
    const mine = FileDoc.parse(await (await storage.call(alice.token, '/files/root/files?name=mien.txt', { method: 'POST', body: 'x' })).json());
    for (const [path, body] of [
      [`/files/${mine.id}`, { parentId: bobFolder.id }],
      [`/files/${mine.id}/copy`, { parentId: bobFolder.id }],
    ] as const) {
      const method = path.endsWith('copy') ? 'POST' : 'PATCH';
      const response = await storage.call(alice.token, path, {
        method,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(response.status, path).toBe(404);
    }
    await storage.call(bob.token, `/files/${bobFile.id}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: '{"favorite":true}' });
    const trashed = FileDoc.parse(await (await storage.call(bob.token, '/files/root/files?name=jete.txt', { method: 'POST', body: 'x' })).json());
    await storage.call(bob.token, `/files/${trashed.id}`, { method: 'DELETE' });
    for (const path of ['/files/search?q=secret', '/files/recent', '/files/favorites', '/files/trash/children']) {
      const answer = await (await storage.call(alice.token, path)).json();
      const ids = answer.items.map((item: FileDoc) => item.id);
      expect(ids, path).not.toContain(bobFile.id);
      expect(ids, path).not.toContain(trashed.id);
    }
    // Emptying one's trash leaves the other's alone.
    await storage.call(alice.token, '/files/trash', { method: 'DELETE' });
    expect((await storage.call(bob.token, `/files/${trashed.id}`)).status).toBe(200);
  });
});
