import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILES_TYPE, type FolderListing } from '@mytoutatice/contract';
import { fileCalls } from '../../test/files/test-calls.ts';
import { startStorage, type StorageHarness, type TestInstance } from '../../test/harness/storage-harness.ts';
import { permit } from './permit.ts';

/**
 * A « dépôt »: a files grant on one folder with `ownOnly`, held by several members of one
 * sharing. Each sees and touches only what they created there (`createdBy`), on both metadata
 * backends; the owner sees everything.
 */
describe(`${permit.name} with a « dépôt » grant`, () => {
  let s: StorageHarness;
  let owner: TestInstance;
  let dropId = '';
  let consignes = '';
  const drop = (member: string | undefined) =>
    s.sign('sharing', {
      sub: owner.id,
      sharing: 'partage-1',
      ...(member === undefined ? {} : { member }),
      grants: [{ type: FILES_TYPE, verbs: ['read', 'write'], folderId: dropId, ownOnly: true }],
      expiresIn: 3600,
    });

  beforeAll(async () => {
    s = await startStorage();
    owner = await s.createInstance();
    const files = fileCalls(s, owner.token);
    dropId = (await files.folder('root', 'Dépôt')).id;
    consignes = (await files.file(dropId, 'consignes.txt')).id;
  });
  afterAll(() => s.close());

  it('lists, page by page, only the member’s own items, and records them as theirs', async () => {
    const alice = fileCalls(s, await drop('alice'));
    const bob = fileCalls(s, await drop('bob'));
    for (const name of ['a1.txt', 'a2.txt', 'a3.txt']) expect((await alice.put(dropId, name)).status).toBe(201);
    const bobs = await bob.file(dropId, 'b1.txt');
    expect(bobs.createdBy).toBe('sharing:partage-1:bob');

    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page: FolderListing = await alice.list(dropId, `?limit=2${cursor === '' ? '' : `&cursor=${encodeURIComponent(cursor)}`}`);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((item) => item.name));
      cursor = page.next;
    }
    expect(seen).toEqual(['a1.txt', 'a2.txt', 'a3.txt']);
    expect(await bob.names(dropId)).toEqual(['b1.txt']);
    expect(await fileCalls(s, owner.token).names(dropId)).toEqual(['a1.txt', 'a2.txt', 'a3.txt', 'b1.txt', 'consignes.txt']);

    expect((await alice.call(`/files/${bobs.id}/content`)).status).toBe(404);
    expect((await alice.call(`/files/${consignes}`)).status).toBe(404);
    expect((await alice.patch(bobs.id, { name: 'pris.txt' })).status).toBe(404);
    expect((await alice.call(`/files/${dropId}/zip`)).status).toBe(403);
  });

  it('refuses a « dépôt » token that names no member: the owner’s own items would pass for theirs', async () => {
    const nobody = fileCalls(s, await drop(undefined));
    expect((await nobody.call(`/files/${dropId}/children`)).status).toBe(403);
    expect((await nobody.call(`/files/${consignes}`)).status).toBe(403);
  });
});
