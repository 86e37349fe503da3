import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChangeBatch, FileDoc } from '@mytoutatice/contract';
import { startStorage, type StorageHarness, type TestInstance } from '../../test/harness/storage-harness.ts';
import { changeRoutes } from './routes.ts';

describe(changeRoutes.name, () => {
  let storage: StorageHarness;
  let alice: TestInstance;
  let bob: TestInstance;
  beforeAll(async () => {
    storage = await startStorage();
    alice = await storage.createInstance('alice');
    bob = await storage.createInstance('bob');
  });
  afterAll(() => storage.close());

  const feed = async (who: TestInstance, query = '') => {
    const response = await storage.call(who.token, `/changes${query}`);
    expect(response.status).toBe(200);
    return ChangeBatch.parse(await response.json());
  };
  const createFolder = async (who: TestInstance, name: string, parent = 'root') => {
    const response = await storage.call(who.token, `/files/${parent}/folders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name }),
    });
    expect(response.status).toBe(201);
    return FileDoc.parse(await response.json());
  };
  const createNote = async (who: TestInstance) => {
    const response = await storage.call(who.token, '/data/io.mytoutatice.notes', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ data: { title: 'Révisions' } }),
    });
    expect(response.status).toBe(201);
    return (await response.json()) as { id: string };
  };

  it('lists files and documents in write order, after `since`, by pages of `limit`', async () => {
    const start = (await feed(alice)).last;
    const folder = await createFolder(alice, 'Maths');
    const note = await createNote(alice);
    const inner = await createFolder(alice, 'Exercices', folder.id);

    const all = await feed(alice, `?since=${start}`);
    expect(all.changes).toEqual([
      { seq: expect.any(Number), kind: 'file', id: folder.id, parentId: 'root', deleted: false },
      { seq: expect.any(Number), kind: 'document', id: note.id, doctype: 'io.mytoutatice.notes', deleted: false },
      { seq: expect.any(Number), kind: 'file', id: inner.id, parentId: folder.id, deleted: false },
    ]);
    const seqs = all.changes.map((change) => change.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(all.last).toBe(seqs.at(-1));

    const seen: string[] = [];
    let since = start;
    for (;;) {
      const page = await feed(alice, `?since=${since}&limit=1`);
      if (page.changes.length === 0) break;
      expect(page.changes).toHaveLength(1);
      seen.push(...page.changes.map((change) => change.id));
      since = page.last;
    }
    expect(seen).toEqual([folder.id, note.id, inner.id]);
    expect(await feed(alice, `?since=${all.last}`)).toEqual({ changes: [], last: all.last });
  });

  it('reports a destroyed file as deleted', async () => {
    const folder = await createFolder(alice, 'Brouillon');
    const { last } = await feed(alice, `?since=0&limit=1000`);
    expect((await storage.call(alice.token, `/files/${folder.id}`, { method: 'DELETE' })).status).toBe(200);
    expect((await storage.call(alice.token, `/files/${folder.id}?forever=true`, { method: 'DELETE' })).status).toBe(204);
    const after = await feed(alice, `?since=${last}`);
    expect(after.changes).toContainEqual({ seq: expect.any(Number), kind: 'file', id: folder.id, deleted: true });
  });

  it('refuses a bad since, limit or wait with 400 bad_request', async () => {
    for (const query of ['since=-1', 'since=abc', 'since=1.5', 'limit=0', 'limit=x', 'wait=-2', 'wait=soon']) {
      const response = await storage.call(alice.token, `/changes?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect((await response.json()).code).toBe('bad_request');
    }
  });

  it('needs an owner token', async () => {
    expect((await storage.call(undefined, '/changes')).status).toBe(401);
    expect((await storage.call(await storage.sign('admin'), '/changes')).status).toBe(403);
  });

  it('holds a long-poll until a write from another request, then answers with it', async () => {
    const { last } = await feed(alice);
    const started = Date.now();
    const poll = storage.call(alice.token, `/changes?since=${last}&wait=20`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const folder = await createFolder(alice, 'Histoire');
    const response = await poll;
    expect(Date.now() - started).toBeLessThan(10_000);
    const batch = ChangeBatch.parse(await response.json());
    expect(batch.changes.map((change) => change.id)).toEqual([folder.id]);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('answers an empty list with last = since when the wait runs out', async () => {
    const { last } = await feed(alice);
    const started = Date.now();
    expect(await feed(alice, `?since=${last}&wait=1`)).toEqual({ changes: [], last });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('never shows, nor wakes on, another instance’s writes', async () => {
    const { last } = await feed(bob);
    const poll = feed(bob, `?since=${last}&wait=1`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const folder = await createFolder(alice, 'Secret de Alice');
    expect(await poll).toEqual({ changes: [], last });
    const everything = await feed(bob, '?since=0&limit=1000');
    expect(everything.changes.map((change) => change.id)).not.toContain(folder.id);
  });
});
