import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { destroyFile, purgeTrash } from './destroy.ts';
import { TRASH_PURGE } from './trash-purge.ts';
import { fileCalls, type FileCalls } from '../../test/files/test-calls.ts';
import { InstanceDatabases } from '../instances/instance-databases.ts';
import { settledJob } from '../../test/jobs/settled-job.ts';
import { blobKeys, startStorage, type StorageHarness, type TestInstance } from '../../test/harness/storage-harness.ts';

describe(destroyFile.name, () => {
  let storage: StorageHarness;
  let alice: TestInstance;
  let api: FileCalls;
  beforeAll(async () => {
    storage = await startStorage();
    alice = await storage.createInstance('alice');
    api = fileCalls(storage, alice.token);
  });
  afterAll(() => storage.close());

  const blobs = () => blobKeys(storage, alice.id);
  /** Reads the instance database beside the routes, for what no route shows yet. */
  async function tombstones(): Promise<string[]> {
    const rows = await storage.metadata.instance(alice.id).all('SELECT id FROM tombstones ORDER BY seq');
    return rows.map((row) => String(row.id));
  }

  it('destroys a trashed folder for good: rows, blobs, with a tombstone each', async () => {
    const folder = await api.folder('root', 'À détruire');
    const sub = await api.folder(folder.id, 'Sous-dossier');
    const a = await api.file(folder.id, 'a.txt');
    const b = await api.file(sub.id, 'b.txt');
    expect(await blobs()).toEqual(expect.arrayContaining([a.id, b.id]));
    await api.trash(folder.id);
    const response = await api.destroy(folder.id);
    expect(response.status).toBe(204);
    for (const id of [folder.id, sub.id, a.id, b.id]) expect((await api.call(`/files/${id}`)).status).toBe(404);
    expect(await blobs()).not.toEqual(expect.arrayContaining([a.id]));
    expect(await blobs()).not.toEqual(expect.arrayContaining([b.id]));
    expect(await tombstones()).toEqual(expect.arrayContaining([folder.id, sub.id, a.id, b.id]));
    expect((await api.trashed()).items).toEqual([]);
  });

  it('refuses to destroy what is not in the trash (400), the root (403), an unknown id (404)', async () => {
    const file = await api.file('root', 'précieux.txt');
    const response = await api.destroy(file.id);
    expect(response.status).toBe(400);
    expect((await api.get(file.id)).trashedAt).toBeNull();
    expect(await blobs()).toEqual(expect.arrayContaining([file.id]));
    expect((await api.destroy('root')).status).toBe(403);
    expect((await api.destroy(crypto.randomUUID())).status).toBe(404);
  });

  it('empties the trash: everything in it is gone, blobs included, live files untouched', async () => {
    const live = await api.file('root', 'reste.txt');
    const folder = await api.folder('root', 'Poubelle');
    const inside = await api.file(folder.id, 'dedans.txt');
    const alone = await api.file('root', 'seul.txt');
    await api.trash(folder.id);
    await api.trash(alone.id);
    expect((await api.emptyTrash()).status).toBe(204);
    expect((await api.trashed()).items).toEqual([]);
    const left = await blobs();
    expect(left).toContain(live.id);
    expect(left).not.toContain(inside.id);
    expect(left).not.toContain(alone.id);
    const info = await (await api.call('/instance')).json();
    expect(info.usage.trash).toBe(0);
    expect(await tombstones()).toEqual(expect.arrayContaining([folder.id, inside.id, alone.id]));
  });
});

describe(purgeTrash.name, () => {
  let storage: StorageHarness;
  beforeAll(async () => {
    storage = await startStorage();
  });
  afterAll(() => storage.close());

  it('destroys, as the trash.purge job, what has been in the trash longer than the retention, and only that', async () => {
    const alice = await storage.createInstance();
    const api = fileCalls(storage, alice.token);
    const old = await api.file('root', 'vieux.txt');
    const recent = await api.file('root', 'récent.txt');
    await api.trash(old.id);
    await api.trash(recent.id);

    const databases = new InstanceDatabases(storage.config.dataDir, storage.metadata, storage.blobs);
    const db = databases.db(alice.id);
    const fortyDaysAgo = new Date(Date.now() - 40 * 24 * 3600 * 1000).toISOString();
    await db.run('UPDATE files SET trashed_at = ? WHERE id = ?', fortyDaysAgo, old.id);

    const job = await storage.jobs.enqueue(alice.id, TRASH_PURGE, {});
    expect(await settledJob(storage.jobs, alice.id, job)).toMatchObject({ state: 'done', attempts: 1, errorCode: null });

    expect((await api.call(`/files/${old.id}`)).status).toBe(404);
    expect((await api.get(recent.id)).trashedAt).not.toBeNull();
    expect(await blobKeys(storage, alice.id)).toEqual([recent.id]);
    expect(await purgeTrash(databases, alice.id, 30 * 24 * 3600 * 1000)).toBe(0);
  });
});
