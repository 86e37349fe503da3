import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileDoc } from '@mytoutatice/contract';
import { ownerOnly } from '../instances/owner-instance.ts';
import { startStorage, type StorageHarness, type TestInstance } from '../testing/storage-harness.ts';

describe(ownerOnly.name, () => {
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
});
