import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPasswordList, CreatedAppPassword } from '@mytoutatice/contract';
import { startStorage, type StorageHarness, type TestInstance } from '../../test/harness/storage-harness.ts';
import { appPasswordRoutes } from './app-password-routes.ts';
import { verifyAppPassword } from './app-passwords.ts';

const json = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe(appPasswordRoutes.name, () => {
  let s: StorageHarness;
  let a: TestInstance;
  let b: TestInstance;

  beforeAll(async () => {
    s = await startStorage();
    [a, b] = await Promise.all([s.createInstance(), s.createInstance()]);
  });
  afterAll(() => s.close());

  const create = async (who: TestInstance, label: unknown) => {
    const res = await s.call(who.token, '/instance/app-passwords', json({ label }));
    expect(res.status, await res.clone().text()).toBe(201);
    return CreatedAppPassword.parse(await res.json());
  };
  const list = async (who: TestInstance) => {
    const res = await s.call(who.token, '/instance/app-passwords');
    expect(res.status).toBe(200);
    return AppPasswordList.parse(await res.json()).items;
  };
  const revoke = (who: TestInstance, id: string) => s.call(who.token, `/instance/app-passwords/${encodeURIComponent(id)}`, { method: 'DELETE' });

  it('answers the password once, lists it by label without it, and lets DAV sign in with it', async () => {
    const created = await create(a, '  Téléphone de Zoé 📱  ');
    expect(created.label).toBe('Téléphone de Zoé 📱');
    expect(created.password).toMatch(/^[a-z0-9]{4}(-[a-z0-9]{4}){5}$/);
    expect(created.lastUsedAt).toBeNull();

    const res = await s.call(a.token, '/instance/app-passwords');
    const text = await res.text();
    expect(text).not.toContain(created.password);
    const listed = AppPasswordList.parse(JSON.parse(text)).items;
    expect(listed).toContainEqual({ id: created.id, label: 'Téléphone de Zoé 📱', createdAt: created.createdAt, lastUsedAt: null });
    expect(await list(b)).toEqual([]);

    expect(await verifyAppPassword(s.metadata.instance(a.id), created.password)).toBe(created.id);
  });

  it('shows when a password was last used', async () => {
    const created = await create(a, 'Ordinateur du CDI');
    const before = Date.now();
    await verifyAppPassword(s.metadata.instance(a.id), created.password);
    const used = (await list(a)).find((item) => item.id === created.id)?.lastUsedAt;
    expect(Date.parse(used ?? '')).toBeGreaterThanOrEqual(before - 1000);
  });

  it('lists passwords oldest first', async () => {
    const c = await s.createInstance();
    for (const label of ['Premier', 'Deuxième', 'Troisième']) await create(c, label);
    expect((await list(c)).map((item) => item.label)).toEqual(['Premier', 'Deuxième', 'Troisième']);
  });

  it('revokes a password: gone from the list, refused to DAV at once, the others kept', async () => {
    const kept = await create(a, 'Tablette');
    const revoked = await create(a, 'Vieux portable');
    expect((await revoke(a, revoked.id)).status).toBe(204);

    const ids = (await list(a)).map((item) => item.id);
    expect(ids).toContain(kept.id);
    expect(ids).not.toContain(revoked.id);
    const db = s.metadata.instance(a.id);
    expect(await verifyAppPassword(db, revoked.password)).toBeUndefined();
    expect(await verifyAppPassword(db, kept.password)).toBe(kept.id);
  });

  it('answers 404 for an unknown, an already revoked or another space’s password, and leaves it be', async () => {
    const theirs = await create(b, 'Téléphone de B');
    const mine = await create(a, 'Jetable');
    await revoke(a, mine.id);
    for (const id of [randomUUID(), mine.id, theirs.id, 'pas-un-id', 'nul\u0000']) {
      const res = await revoke(a, id);
      expect(res.status, id).toBe(404);
      expect(await res.json()).toMatchObject({ code: 'not_found' });
    }
    expect((await list(b)).map((item) => item.id)).toEqual([theirs.id]);
  });

  it('refuses a missing, empty, too long or control-laden label with 400 bad_request, creating nothing', async () => {
    const c = await s.createInstance();
    const refused: unknown[] = [undefined, '', '   ', 'a'.repeat(101), 'ligne\nautre', 'nul\u0000', 'demi \ud800', 42];
    for (const label of refused) {
      const res = await s.call(c.token, '/instance/app-passwords', json({ label }));
      expect(res.status, String(label)).toBe(400);
      expect(await res.json()).toMatchObject({ code: 'bad_request' });
    }
    const notJson = await s.call(c.token, '/instance/app-passwords', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' });
    expect(notJson.status).toBe(400);
    expect(await list(c)).toEqual([]);
    // 100 characters, counted as people see them (emoji are two UTF-16 units).
    expect((await create(c, '📱'.repeat(100))).label).toBe('📱'.repeat(100));
  });
});
