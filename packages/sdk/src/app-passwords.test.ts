import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppPasswords } from './app-passwords.ts';
import { createClient } from './client.ts';
import { json, startTestServer } from './test-server.ts';

const listed = { id: 'p 1', label: 'Téléphone', createdAt: '2026-01-01T00:00:00.000Z', lastUsedAt: null };

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const client = () => createClient({ baseUrl: server.baseUrl, getToken: () => 'tok' });

describe(createAppPasswords.name, () => {
  it('lists the passwords', async () => {
    server.handle((_req, res) => json(res, 200, { items: [listed] }));
    await expect(client().appPasswords.list()).resolves.toEqual([listed]);
    expect(server.seen[0]).toMatchObject({ method: 'GET', url: '/api/instance/app-passwords' });
  });

  it('creates one from a label and answers its password', async () => {
    server.handle((_req, res) => json(res, 201, { ...listed, password: 'abcd-efgh-ijkm-npqr-stuv-wxyz' }));
    const created = await client().appPasswords.create('Téléphone');
    expect(created.password).toBe('abcd-efgh-ijkm-npqr-stuv-wxyz');
    expect(server.seen[0]).toMatchObject({ method: 'POST', url: '/api/instance/app-passwords', body: '{"label":"Téléphone"}' });
  });

  it('revokes one by id, and throws not_found for an unknown one', async () => {
    server.handle((_req, res) => res.writeHead(204).end());
    await client().appPasswords.revoke('p 1');
    expect(server.seen[0]).toMatchObject({ method: 'DELETE', url: '/api/instance/app-passwords/p%201' });

    server.handle((_req, res) => json(res, 404, { type: 'about:blank', title: 'Introuvable', status: 404, code: 'not_found' }, 'application/problem+json'));
    await expect(client().appPasswords.revoke('p 2')).rejects.toMatchObject({ status: 404, code: 'not_found' });
  });
});
