import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InstanceInfo } from '@mytoutatice/contract';
import { createInstance } from './instance-service.ts';
import { startStorage, type StorageHarness } from '../../test/harness/storage-harness.ts';

describe(createInstance.name, () => {
  let storage: StorageHarness;
  let admin: string;
  beforeAll(async () => {
    storage = await startStorage({ defaultQuotaBytes: 1_000_000 });
    admin = await storage.sign('admin');
  });
  afterAll(() => storage.close());

  function post(body: unknown) {
    return storage.call(admin, '/instances', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  it('creates an instance with its root folder, quota and usage', async () => {
    const id = randomUUID();
    const response = await post({ id, slug: 'eleve', email: 'eleve@example.org' });
    expect(response.status).toBe(201);
    const created = await response.json();
    expect(created).toEqual({ id, slug: 'eleve', email: 'eleve@example.org', createdAt: expect.any(String) });

    const owner = await storage.sign('owner', { sub: id });
    const info = InstanceInfo.parse(await (await storage.call(owner, '/instance')).json());
    expect(info).toEqual({ ...created, quotaBytes: 1_000_000, usedBytes: 0, usage: { files: 0, trash: 0, versions: 0 } });

    const root = await (await storage.call(owner, '/files/root')).json();
    expect(root).toMatchObject({ id: 'root', type: 'directory', name: '', parentId: null });
  });

  it('answers 409 space_exists when the id or the slug is taken', async () => {
    const id = randomUUID();
    expect((await post({ id, slug: 'enseignant', email: 'e@example.org' })).status).toBe(201);
    const sameId = await post({ id, slug: 'autre', email: 'e@example.org' });
    expect(sameId.status).toBe(409);
    expect((await sameId.json()).code).toBe('space_exists');
    const sameSlug = await post({ id: randomUUID(), slug: 'enseignant', email: 'e@example.org' });
    expect((await sameSlug.json()).code).toBe('space_exists');
  });

  it('refuses bad bodies with 400', async () => {
    const cases: [unknown, string][] = [
      [{ id: 'not-a-uuid', slug: 'a', email: 'a@example.org' }, 'bad_request'],
      [{ id: randomUUID(), slug: 'Pas Bon', email: 'a@example.org' }, 'bad_request'],
      [{ id: randomUUID(), slug: 'ok', email: 'pas une adresse' }, 'invalid_email'],
      [[], 'bad_request'],
    ];
    for (const [body, code] of cases) {
      const response = await post(body);
      expect(response.status).toBe(400);
      expect((await response.json()).code).toBe(code);
    }
    const notJson = await storage.call(admin, '/instances', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"id":',
    });
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).code).toBe('bad_request');
  });

  it('answers 404 no_space to an owner token naming no instance here', async () => {
    const response = await storage.call(await storage.sign('owner', { sub: randomUUID() }), '/files/root');
    expect(response.status).toBe(404);
    expect((await response.json()).code).toBe('no_space');
  });
});
