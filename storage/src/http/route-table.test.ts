import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes, doctypes, type ApiRoute } from '@mytoutatice/contract';
import { registeredRoutes, routeKey } from '@mytoutatice/server-kit';
import { createStorage } from '../app.ts';
import { startStorage, type StorageHarness, type TestInstance } from '../../test/harness/storage-harness.ts';

/** Served to the storage's own health checks, never through the gateway's `/api`. */
const NOT_IN_TABLE = new Set(['get /healthz']);

const storageRoutes = apiRoutes.filter((route) => route.service === 'storage');
describe('the contract’s route table', () => {
  let s: StorageHarness;
  let inst: TestInstance;
  beforeAll(async () => {
    s = await startStorage();
    inst = await s.createInstance();
  });
  afterAll(async () => {
    await s.close();
  });

  it('names every route the storage registers, and nothing else', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'mytoutatice-routes-'));
    const storage = await createStorage({ ...s.config, dataDir });
    try {
      const registered = registeredRoutes(storage.app).filter((key) => !NOT_IN_TABLE.has(key));
      expect(registered.length).toBeGreaterThan(20);
      expect(registered.sort()).toEqual(storageRoutes.map((r) => routeKey(r.method, r.path)).sort());
    } finally {
      await storage.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('every entry reaches a storage route (not the unknown-route 404) on a real instance', async () => {
    const upload = await s.call(inst.token, '/files/root/files?name=table.txt', { method: 'POST', body: 'contenu' });
    const fileId = ((await upload.json()) as { id: string }).id;
    const link = await s.call(inst.token, `/files/${fileId}/download-link`, { method: 'POST' });
    const linkToken = /\/files\/downloads\/([^/]+)\//.exec(((await link.json()) as { url: string }).url)?.[1];
    const note = await s.call(inst.token, `/data/${doctypes.notes}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ data: { title: 'Table' } }),
    });
    const noteId = ((await note.json()) as { id: string }).id;
    await s.call(inst.token, `/files/${fileId}/content`, { method: 'PUT', body: 'nouveau contenu' });
    const versions = await s.call(inst.token, `/files/${fileId}/versions`);
    const versionId = ((await versions.json()) as { items: { id: string }[] }).items[0]?.id;
    const values: Record<string, string | undefined> = { parentId: 'root', doctype: doctypes.notes, token: linkToken, name: 'table.txt', versionId, imageId: 'image' };
    const valueOf = (route: ApiRoute, name: string) => {
      const value = name === 'id' ? (route.path.startsWith('/data/') ? noteId : fileId) : values[name];
      if (value === undefined) throw new Error(`no value for {${name}} in ${route.path}`);
      return encodeURIComponent(value);
    };
    const tokens = { admin: await s.sign('admin'), link: await s.sign('link') };
    const tokenFor = (route: ApiRoute) => (route.permission === 'admin' || route.permission === 'link' ? tokens[route.permission] : inst.token);

    const outcome = async (res: Response) => {
      const body = (await res.json().catch(() => ({}))) as { detail?: string };
      return { status: res.status, detail: body.detail };
    };
    const miss = await outcome(await s.call(inst.token, '/files/root/nowhere'));
    expect(miss.status).toBe(404);
    // The check below can fail: a method the table does not name on a known path is a miss too.
    expect(await outcome(await s.call(inst.token, '/files/root', { method: 'PUT' }))).toEqual(miss);

    // A table path that a parametric route swallows (`/files/recents` as `/files/{id}`) passes
    // here with another 404; the test above catches it. Deletions last, so the file and the note
    // are still there for the other calls.
    const ordered = [...storageRoutes].sort((a, b) => Number(a.method === 'delete') - Number(b.method === 'delete'));
    for (const route of ordered) {
      const path = route.path.replace(/\{([^}]+)\}/g, (_, name: string) => valueOf(route, name));
      const answer = await outcome(await s.call(tokenFor(route), path, { method: route.method.toUpperCase() }));
      expect(answer, `${route.method} ${route.path}`).not.toEqual(miss);
      expect(answer.status, `${route.method} ${route.path}`).toBeLessThan(500);
    }
  });
});
