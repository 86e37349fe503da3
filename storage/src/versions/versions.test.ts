import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChangeBatch, FileDoc, FileVersionList, InstanceInfo } from '@mytoutatice/contract';
import { fsckInstance } from '../admin/fsck.ts';
import { fileCalls, type FileCalls } from '../../test/files/test-calls.ts';
import { instancePaths } from '../instances/instance-paths.ts';
import { unzip } from '../../test/zip/test-unzip.ts';
import { blobKeys, digestOf, startStorage, type StorageHarness, type TestInstance } from '../../test/harness/storage-harness.ts';
import { overwriteFile } from './overwrite.ts';

/** Versions over HTTP: overwrite, list, download, restore, delete, and what they cost the quota. */
describe(overwriteFile.name, () => {
  let storage: StorageHarness;
  let alice: TestInstance;
  let api: FileCalls;
  beforeAll(async () => {
    storage = await startStorage();
    alice = await storage.createInstance();
    api = fileCalls(storage, alice.token);
  });
  afterAll(() => storage.close());

  const overwrite = (id: string, body: string, headers: Record<string, string> = {}, who = api) =>
    who.call(`/files/${id}/content`, { method: 'PUT', body, headers });
  const saved = async (id: string, body: string) => {
    const response = await overwrite(id, body);
    expect(response.status, await response.clone().text()).toBe(200);
    return FileDoc.parse(await response.json());
  };
  const versions = async (id: string, who = api) => (FileVersionList.parse(await (await who.call(`/files/${id}/versions`)).json())).items;
  const text = async (path: string, who = api) => (await who.call(path)).text();
  const info = async (who = alice) => InstanceInfo.parse(await (await storage.call(who.token, '/instance')).json());
  const lastSeq = async () => ChangeBatch.parse(await (await api.call('/changes?limit=1000')).json()).last;
  const changedSince = async (since: number) =>
    ChangeBatch.parse(await (await api.call(`/changes?since=${since}&limit=1000`)).json()).changes.map((change) => change.id);

  it('keeps the previous content as a version and serves the new bytes', async () => {
    const file = await api.file('root', 'rapport.txt', 'première version');
    const since = await lastSeq();
    const after = await saved(file.id, 'deuxième version, plus longue');
    expect(after).toMatchObject({ id: file.id, name: 'rapport.txt', size: Buffer.byteLength('deuxième version, plus longue') });
    expect(after.sha256).not.toBe(file.sha256);
    expect(await text(`/files/${file.id}/content`)).toBe('deuxième version, plus longue');
    const [version, ...others] = await versions(file.id);
    expect(others).toEqual([]);
    expect(version).toMatchObject({ size: file.size, sha256: file.sha256, createdAt: file.createdAt });
    const download = await api.call(`/files/${file.id}/versions/${version?.id}/content`);
    expect(download.headers.get('etag')).toBe(`"${file.sha256}"`);
    expect(download.headers.get('content-disposition')).toContain('rapport.txt');
    expect(await download.text()).toBe('première version');
    expect(await changedSince(since)).toContain(file.id);
  });

  it('makes no version for identical bytes, and changes nothing', async () => {
    const file = await api.file('root', 'pareil.txt', 'même contenu');
    const keys = await blobKeys(storage, alice.id);
    const since = await lastSeq();
    const again = await saved(file.id, 'même contenu');
    expect(again).toEqual(file);
    expect(await versions(file.id)).toEqual([]);
    expect(await blobKeys(storage, alice.id)).toEqual(keys);
    expect(await changedSince(since)).toEqual([]);
  });

  it('answers 412 to a stale If-Match and 422 to a wrong digest, keeping the content as it was', async () => {
    const file = await api.file('root', 'partage.txt', 'v1');
    const v2 = await saved(file.id, 'v2');
    const keys = await blobKeys(storage, alice.id);
    const stale = await overwrite(file.id, 'v3 écrase v2', { 'if-match': `"${file.sha256}"` });
    expect(stale.status).toBe(412);
    expect(await stale.json()).toMatchObject({ code: 'precondition_failed' });
    const wrong = await overwrite(file.id, 'v3', { 'content-digest': digestOf(new TextEncoder().encode('autre chose')) });
    expect(wrong.status).toBe(422);
    expect(await text(`/files/${file.id}/content`)).toBe('v2');
    expect(await versions(file.id)).toHaveLength(1);
    expect(await blobKeys(storage, alice.id)).toEqual(keys);
    const fresh = await overwrite(file.id, 'v3', { 'if-match': `"${v2.sha256}"`, 'content-digest': digestOf(new TextEncoder().encode('v3')) });
    expect(fresh.status).toBe(200);
    expect(await text(`/files/${file.id}/content`)).toBe('v3');
  });

  it('lets one of two saves from the same content through, the other gets 412', async () => {
    const file = await api.file('root', 'course.txt', 'départ');
    const both = await Promise.all(['par A', 'par B'].map((body) => overwrite(file.id, body, { 'if-match': `"${file.sha256}"` })));
    expect(both.map((response) => response.status).sort()).toEqual([200, 412]);
    const winner = both.findIndex((response) => response.status === 200) === 0 ? 'par A' : 'par B';
    expect(await text(`/files/${file.id}/content`)).toBe(winner);
    expect((await versions(file.id)).map((version) => version.sha256)).toEqual([file.sha256]);
  });

  it('thins rapid saves to one version per 2 s, their blobs removed', async () => {
    const file = await api.file('root', 'brouillon.txt', 'brouillon 0');
    const before = (await blobKeys(storage, alice.id)).length;
    for (let i = 1; i <= 5; i++) await saved(file.id, `brouillon ${i}`);
    const kept = await versions(file.id);
    // Five saves in well under 2 s each: the newest version is kept, most of the others go.
    expect(kept.length).toBeLessThan(4);
    expect(kept[0]?.size).toBe('brouillon 4'.length);
    expect(await text(`/files/${file.id}/versions/${kept[0]?.id}/content`)).toBe('brouillon 4');
    expect((await blobKeys(storage, alice.id)).length).toBe(before + kept.length);
  });

  it('restores a version: it becomes the content, the content a version', async () => {
    const file = await api.file('root', 'lettre.txt', 'Madame,');
    await saved(file.id, 'Madame, Monsieur,');
    const [old] = await versions(file.id);
    const since = await lastSeq();
    const response = await api.call(`/files/${file.id}/versions/${old?.id}/restore`, { method: 'POST' });
    expect(response.status).toBe(200);
    expect(FileDoc.parse(await response.json())).toMatchObject({ sha256: file.sha256, size: file.size });
    expect(await text(`/files/${file.id}/content`)).toBe('Madame,');
    const after = await versions(file.id);
    expect(after).toHaveLength(1);
    expect(after[0]?.id).not.toBe(old?.id);
    expect(await text(`/files/${file.id}/versions/${after[0]?.id}/content`)).toBe('Madame, Monsieur,');
    expect(await changedSince(since)).toContain(file.id);
  });

  it('deletes a version and its blob; another file’s, another space’s or an unknown version is a 404', async () => {
    const file = await api.file('root', 'notes.txt', 'a');
    await saved(file.id, 'b');
    const [version] = await versions(file.id);
    const other = await api.file('root', 'autre.txt', 'x');
    const bob = await storage.createInstance();
    const bobApi = fileCalls(storage, bob.token);
    const bobFile = await bobApi.file('root', 'bob.txt', 'bob 1');
    expect((await overwrite(bobFile.id, 'bob 2', {}, bobApi)).status).toBe(200);
    const [bobVersion] = await versions(bobFile.id, bobApi);

    for (const path of [`/files/${other.id}/versions/${version?.id}`, `/files/${file.id}/versions/${randomUUID()}`, `/files/${file.id}/versions/${bobVersion?.id}`]) {
      expect((await api.call(path, { method: 'DELETE' })).status, path).toBe(404);
      expect((await api.call(`${path}/content`)).status, path).toBe(404);
      expect((await api.call(`${path}/restore`, { method: 'POST' })).status, path).toBe(404);
    }
    expect((await api.call(`/files/${bobFile.id}/versions`)).status).toBe(404);
    expect(await text(`/files/${bobFile.id}/versions/${bobVersion?.id}/content`, bobApi)).toBe('bob 1');

    const keysBefore = await blobKeys(storage, alice.id);
    const since = await lastSeq();
    expect((await api.call(`/files/${file.id}/versions/${version?.id}`, { method: 'DELETE' })).status).toBe(204);
    expect(await versions(file.id)).toEqual([]);
    expect((await blobKeys(storage, alice.id)).length).toBe(keysBefore.length - 1);
    expect(await text(`/files/${file.id}/content`)).toBe('b');
    expect(await changedSince(since)).toEqual([file.id]);
  });

  it('counts versions in the usage, apart from files and trash', async () => {
    const bob = await storage.createInstance();
    const bobApi = fileCalls(storage, bob.token);
    const file = await bobApi.file('root', 'a.txt', '12345');
    expect((await overwrite(file.id, '1234567890', {}, bobApi)).status).toBe(200);
    const trashed = await bobApi.file('root', 'b.txt', '123');
    await bobApi.trash(trashed.id);
    expect((await info(bob)).usage).toEqual({ files: 10, trash: 3, versions: 5 });
    expect((await info(bob)).usedBytes).toBe(18);
  });

  it('keeps versions of a trashed file (no overwrite there), and destroys them with it', async () => {
    const file = await api.file('root', 'jeté.txt', 'un');
    await saved(file.id, 'deux');
    await saved(file.id, 'trois!');
    await api.trash(file.id);
    expect((await overwrite(file.id, 'quatre')).status).toBe(409);
    const kept = await versions(file.id);
    expect(kept.length).toBeGreaterThan(0);
    const before = await blobKeys(storage, alice.id);
    expect((await api.destroy(file.id)).status).toBe(204);
    const after = await blobKeys(storage, alice.id);
    expect(before.length - after.length).toBe(1 + kept.length);
    expect((await api.call(`/files/${file.id}/versions`)).status).toBe(404);
  });

  it('zips an overwritten file with its current bytes', async () => {
    const folder = await api.folder('root', 'À zipper');
    const file = await api.file(folder.id, 'devoir.txt', 'brouillon');
    await saved(file.id, 'copie propre');
    const res = await api.call(`/files/${folder.id}/zip`);
    expect(res.status).toBe(200);
    const { entries } = await unzip(Buffer.from(await res.arrayBuffer()));
    expect(entries.get('devoir.txt')?.toString()).toBe('copie propre');
  });

  it('copies the current content only', async () => {
    const file = await api.file('root', 'original.txt', 'avant');
    await saved(file.id, 'après');
    const copy = FileDoc.parse(await (await api.copy(file.id, { name: 'copie.txt' })).json());
    expect(await text(`/files/${copy.id}/content`)).toBe('après');
    expect(await versions(copy.id)).toEqual([]);
  });

  it('leaves fsck nothing to find after all that, and has it check versions’ bytes too', async () => {
    const fsck = () =>
      fsckInstance(
        { id: alice.id, paths: instancePaths(storage.config.dataDir, alice.id), db: storage.metadata.instance(alice.id), blobs: storage.blobs },
        { repair: false, graceMs: 0 },
      );
    expect((await fsck()).problems).toEqual([]);

    const file = await api.file('root', 'abîmé.txt', 'intact');
    await saved(file.id, 'intact aussi');
    const [version] = await versions(file.id);
    const row = await storage.metadata.instance(alice.id).get('SELECT blob_key FROM file_versions WHERE id = ?', version?.id ?? '');
    await storage.blobs.write(alice.id, String(row?.blob_key), Readable.from([Buffer.from('INTACT')]), 1024, () => new Error('too large'));
    const problems = (await fsck()).problems;
    expect(problems.map((problem) => problem.kind)).toEqual(['hash_mismatch']);
    expect(problems[0]?.detail).toContain(`version ${version?.id}`);
  });
});

describe('versions and the quota', () => {
  let storage: StorageHarness;
  let alice: TestInstance;
  let api: FileCalls;
  beforeAll(async () => {
    storage = await startStorage({ defaultQuotaBytes: 100 });
    alice = await storage.createInstance();
    api = fileCalls(storage, alice.token);
  });
  afterAll(() => storage.close());

  const overwrite = (id: string, body: string) => api.call(`/files/${id}/content`, { method: 'PUT', body });
  const versionsOf = async (id: string) => FileVersionList.parse(await (await api.call(`/files/${id}/versions`)).json()).items;
  const usage = async () => InstanceInfo.parse(await (await api.call('/instance')).json()).usage;
  const bytes = (n: number, fill = 'x') => fill.repeat(n);

  it('refuses content that does not fit even without versions (413), leaving everything as it was', async () => {
    const a = await api.file('root', 'a.txt', bytes(30, 'a'));
    expect((await overwrite(a.id, bytes(20, 'b'))).status).toBe(200);
    const b = await api.file('root', 'b.txt', bytes(20, 'c'));
    const before = { usage: await usage(), keys: await blobKeys(storage, alice.id), versions: await versionsOf(a.id) };
    expect(before.usage).toEqual({ files: 40, trash: 0, versions: 30 });
    // 20 (b.txt) + 81 > 100, whatever versions are dropped.
    for (const attempt of [() => overwrite(a.id, bytes(81)), () => api.call(`/files/${a.id}/content`, { method: 'PUT', body: bytes(81), headers: { 'content-length': '81' } })]) {
      const refused = await attempt();
      expect(refused.status).toBe(413);
      expect(await refused.json()).toMatchObject({ code: 'quota_exceeded' });
    }
    expect(await usage()).toEqual(before.usage);
    expect(await blobKeys(storage, alice.id)).toEqual(before.keys);
    expect(await versionsOf(a.id)).toEqual(before.versions);
    expect(await (await api.call(`/files/${a.id}/content`)).text()).toBe(bytes(20, 'b'));
    await api.trash(b.id);
    await api.destroy(b.id);
  });

  it('drops the oldest versions of the space rather than refuse a save', async () => {
    const old = await api.file('root', 'ancien.txt', bytes(10, '1'));
    expect((await overwrite(old.id, bytes(10, '2'))).status).toBe(200);
    const doc = await api.file('root', 'doc.txt', bytes(5, 'd'));
    // a.txt (20 bytes, a 30-byte version from the test before), ancien.txt (10 + a 10-byte version), doc.txt.
    expect(await usage()).toEqual({ files: 35, trash: 0, versions: 40 });
    const [a] = (await api.list('root')).items.filter((item) => item.name === 'a.txt');
    // 60 bytes: 110 once doc.txt's 5 bytes become a version; the two oldest versions (40) go.
    const response = await overwrite(doc.id, bytes(60, 'e'));
    expect(response.status, await response.clone().text()).toBe(200);
    expect(await usage()).toEqual({ files: 90, trash: 0, versions: 5 });
    expect(await versionsOf(a?.id ?? '')).toEqual([]);
    expect(await versionsOf(old.id)).toEqual([]);
    expect(await versionsOf(doc.id)).toHaveLength(1);
    const keys = await blobKeys(storage, alice.id);
    const rows = await storage.metadata.instance(alice.id).all('SELECT blob_key FROM files WHERE blob_key IS NOT NULL UNION ALL SELECT blob_key FROM file_versions');
    expect(keys).toEqual(rows.map((row) => String(row.blob_key)).sort());
  });
});
