import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isApiError } from './api-error.ts';
import { createClient } from './client.ts';
import { createLinkVisitor, createLinks } from './links.ts';
import { json, startTestServer } from './test-server.ts';

const code = 'A'.repeat(43);
const link = {
  id: 'B'.repeat(22),
  code,
  path: `/public/${code}`,
  item: { id: 'f1', kind: 'folder', name: 'Sortie' },
  access: 'read',
  hasPassword: true,
  expiresAt: null,
  keepGps: false,
  createdAt: '2026-01-01T00:00:00.000Z',
};

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe(createLinks.name, () => {
  it('makes, lists, changes and disables links on the gateway’s routes', async () => {
    const links = createLinks(createClient({ baseUrl: server.baseUrl, getToken: () => 'tok' }).transport);
    server.handle((_req, res) => json(res, 201, link));
    await expect(links.create({ itemId: 'f1', password: 'secret' })).resolves.toEqual(link);
    expect(server.seen[0]).toMatchObject({ method: 'POST', url: '/gateway/links', body: '{"itemId":"f1","password":"secret"}' });
    server.handle((_req, res) => json(res, 200, { items: [link] }));
    await expect(links.list('f1')).resolves.toEqual([link]);
    expect(server.seen[0]).toMatchObject({ method: 'GET', url: '/gateway/links?itemId=f1' });
    server.handle((_req, res) => json(res, 200, link));
    await links.change(link.id, { password: null });
    expect(server.seen[0]).toMatchObject({ method: 'PATCH', url: `/gateway/links/${link.id}`, body: '{"password":null}' });
    server.handle((_req, res) => res.writeHead(204).end());
    await links.disable(link.id);
    expect(server.seen[0]).toMatchObject({ method: 'DELETE', url: `/gateway/links/${link.id}` });
  });
});

describe(createLinkVisitor.name, () => {
  it('sends the unlock token once it has one, and reaches the files under the link', async () => {
    const kept: { token?: string } = {};
    const visitor = createLinkVisitor({ baseUrl: server.baseUrl, code, getUnlockToken: () => kept.token });
    server.handle((_req, res) => json(res, 401, { title: 'Mot de passe incorrect', status: 401, code: 'wrong_password' }, 'application/problem+json'));
    const wrong = await visitor.unlock('non').catch((error: unknown) => error);
    expect(isApiError(wrong) && wrong.code).toBe('wrong_password');

    server.handle((_req, res) => json(res, 200, { token: 'unlock-token', expiresAt: '2026-01-01T01:00:00.000Z' }));
    kept.token = (await visitor.unlock('oui')).token;
    server.handle((_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('bonjour'));
    expect(await (await visitor.files.content('file-1')).text()).toBe('bonjour');
    expect(server.seen[0]).toMatchObject({ method: 'GET', url: `/api/links/${code}/files/file-1/content` });
    expect(server.seen[0]?.headers.authorization).toBe('Bearer unlock-token');
  });
});
