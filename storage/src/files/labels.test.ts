import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILES_TYPE, FileDoc, MAX_TAGS } from '@mytoutatice/contract';
import { startStorage, type StorageHarness, type TestInstance } from '../../test/harness/storage-harness.ts';
import { fileCalls, type FileCalls } from '../../test/files/test-calls.ts';

describe('what a file carries besides its content', () => {
  let storage: StorageHarness;
  let alice: TestInstance;
  let api: FileCalls;
  beforeAll(async () => {
    storage = await startStorage();
    alice = await storage.createInstance('alice');
    api = fileCalls(storage, alice.token);
  });
  afterAll(() => storage.close());

  it('records the app that created a file or folder, and null for the person', async () => {
    const mine = await api.file('root', 'à moi.txt');
    expect(mine).toMatchObject({ createdBy: null, tags: [], metadata: {} });
    expect(mine.uploadedAt).toBe(mine.createdAt);

    const scanner = await storage.sign('app', {
      sub: alice.id,
      app: 'scanner',
      grants: [{ type: FILES_TYPE, verbs: ['read', 'write'] }],
    });
    const fromApp = fileCalls(storage, scanner);
    expect((await fromApp.folder('root', 'Scans')).createdBy).toBe('scanner');
    const scanned = await fromApp.file('root', 'scan.pdf', '%PDF-1.4');
    expect(scanned.createdBy).toBe('scanner');
    // A copy is the copier's: made by the person here.
    const copy = FileDoc.parse(await (await api.copy(scanned.id, { name: 'scan (copie).pdf' })).json());
    expect(copy.createdBy).toBeNull();
    expect((await api.get(scanned.id)).createdBy).toBe('scanner');
  });

  it('tags a file: trimmed, NFC, without duplicates, kept by copies, not a change of the file', async () => {
    const file = await api.file('root', 'bulletin.pdf');
    const response = await api.patch(file.id, { tags: ['  Administratif ', 'e\u0301te\u0301', 'administratif', 'Été'] });
    expect(response.status).toBe(200);
    const tagged = FileDoc.parse(await response.json());
    expect(tagged.tags).toEqual(['Administratif', 'été']);
    expect(tagged.updatedAt).toBe(file.updatedAt);
    expect((await api.get(file.id)).tags).toEqual(['Administratif', 'été']);
    const copy = FileDoc.parse(await (await api.copy(file.id, {}, '?conflict=rename')).json());
    expect(copy.tags).toEqual(['Administratif', 'été']);
    expect((await api.patch(file.id, { tags: [] })).status).toBe(200);
    expect((await api.get(file.id)).tags).toEqual([]);
  });

  it('refuses bad tags with 400 and keeps the ones it had', async () => {
    const file = await api.file('root', 'gardé.txt');
    await api.patch(file.id, { tags: ['garde'] });
    const bad = [
      [''],
      ['x'.repeat(65)],
      ['a\u0000b'],
      ['\u202Eevil'],
      'pas une liste',
      [42],
      Array.from({ length: MAX_TAGS + 1 }, (_, i) => `t${i}`),
    ];
    for (const tags of bad) {
      const response = await api.patch(file.id, { tags });
      expect(response.status, JSON.stringify(tags)).toBe(400);
      expect((await response.json()).code).toBe('bad_request');
    }
    expect((await api.get(file.id)).tags).toEqual(['garde']);
  });
});
