import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { WebSocketServer } from 'ws';
import { REALTIME_PROTOCOL, realtimeCloseCodes } from '@mytoutatice/contract';
import { isApiError } from './api-error.ts';
import { createClient } from './client.ts';
import { createSharings } from './sharings.ts';
import { json, startTestServer } from './test-server.ts';

const now = '2026-01-01T00:00:00.000Z';
const sharing = {
  id: 'AAAAAAAAAAAAAAAAAAAAAA',
  item: { id: 'f1', kind: 'folder', name: 'Cours' },
  owner: { slug: 'enseignant', name: 'Annabel Bourde' },
  access: 'owner',
  members: [{ slug: 'eleve', name: 'Jordan Abiven', role: 'write', addedAt: now }],
  createdAt: now,
};
const listing = {
  folder: { id: 'f1', type: 'directory', name: 'Cours', parentId: 'root', size: null, mime: null, sha256: null, createdAt: now, updatedAt: now },
  items: [],
  next: null,
};

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const sharings = () => createClient({ baseUrl: server.baseUrl, getToken: () => 'tok' }).sharings;

describe(createSharings.name, () => {
  it('creates, lists and manages sharings on the gateway’s routes', async () => {
    server.handle((_req, res) => json(res, 201, sharing));
    await expect(sharings().create({ itemId: 'f1', members: [{ slug: 'eleve', role: 'write' }] })).resolves.toEqual(sharing);
    expect(server.seen[0]).toMatchObject({ method: 'POST', url: '/gateway/sharings', body: '{"itemId":"f1","members":[{"slug":"eleve","role":"write"}]}' });

    server.handle((_req, res) => json(res, 200, { sent: [sharing], received: [] }));
    await expect(sharings().list()).resolves.toEqual({ sent: [sharing], received: [] });
    expect(server.seen[0]).toMatchObject({ method: 'GET', url: '/gateway/sharings' });

    server.handle((_req, res) => json(res, 200, sharing));
    await sharings().addMembers(sharing.id, [{ slug: 'agent', role: 'read' }]);
    await sharings().changeRole(sharing.id, 'eleve', 'read');
    expect(server.seen.map((r) => `${r.method} ${r.url} ${r.body}`)).toEqual([
      `POST /gateway/sharings/${sharing.id}/members {"members":[{"slug":"agent","role":"read"}]}`,
      `PATCH /gateway/sharings/${sharing.id}/members/eleve {"role":"read"}`,
    ]);

    server.handle((_req, res) => res.writeHead(204).end());
    await sharings().removeMember(sharing.id, 'eleve');
    await sharings().stop(sharing.id);
    expect(server.seen.map((r) => `${r.method} ${r.url}`)).toEqual([
      `DELETE /gateway/sharings/${sharing.id}/members/eleve`,
      `DELETE /gateway/sharings/${sharing.id}`,
    ]);
  });

  it('calls the files routes through the sharing, and throws the one error type on refusal', async () => {
    server.handle((_req, res) => json(res, 200, listing));
    await sharings().files(sharing.id).children('f1', { sort: 'name' });
    expect(server.seen[0]?.url).toBe(`/api/sharings/${sharing.id}/files/f1/children?sort=name`);

    server.handle((_req, res) => json(res, 403, { type: 'about:blank', title: 'Forbidden', status: 403, code: 'forbidden' }, 'application/problem+json'));
    const refused = await sharings().files(sharing.id).trash('f1').catch((error: unknown) => error);
    expect(isApiError(refused) && refused.code).toBe('forbidden');
    expect(server.seen[0]).toMatchObject({ method: 'DELETE', url: `/api/sharings/${sharing.id}/files/f1` });
  });

  it('zips a selection from the sharing, not from one’s own space', async () => {
    server.handle((_req, res) => res.writeHead(200, { 'Content-Type': 'application/zip' }).end('PK'));
    await sharings().files(sharing.id).zipSelection(['a', 'b']);
    expect(server.seen[0]).toMatchObject({ method: 'POST', url: `/api/sharings/${sharing.id}/files/zip` });
  });

  it('copies into one’s own space the shared item, or an item inside it', async () => {
    const copy = { ...listing.folder, id: 'c1', parentId: 'mine' };
    server.handle((_req, res) => json(res, 201, copy));
    await sharings().copy(sharing.id, { folderId: 'mine' });
    await sharings().copy(sharing.id, { itemId: 'x', folderId: 'mine' });
    expect(server.seen.map((r) => `${r.method} ${r.url} ${r.body}`)).toEqual([
      `POST /gateway/sharings/${sharing.id}/copy {"folderId":"mine"}`,
      `POST /gateway/sharings/${sharing.id}/copy {"itemId":"x","folderId":"mine"}`,
    ]);
  });

  it('follows a sharing live on its own socket, and ends when the gateway no longer knows one in it', async () => {
    let member = true;
    const urls: string[] = [];
    const gateway = createServer((req, res) => {
      if (member) json(res, 200, { ...sharing, access: 'write' });
      else json(res, 404, { type: 'about:blank', title: 'Not Found', status: 404, code: 'not_found' }, 'application/problem+json');
      urls.push(`${req.method} ${req.url}`);
    });
    const wss = new WebSocketServer({ server: gateway, handleProtocols: () => REALTIME_PROTOCOL });
    wss.on('connection', (ws, req) => {
      urls.push(`WS ${req.url} ${req.headers['sec-websocket-protocol']}`);
      ws.send(JSON.stringify({ changes: [], last: 1 }));
      ws.once('message', () => {
        // Access changed: the first time to another role, the second time for good.
        if (urls.filter((url) => url.startsWith('WS')).length === 2) member = false;
        ws.close(realtimeCloseCodes.accessChanged, 'access changed');
      });
    });
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    const baseUrl = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}`;
    const realtime = createClient({ baseUrl, getToken: () => 'tok' }).sharings.realtime(sharing.id);
    const changes: { ended: boolean }[] = [];
    realtime.onAccessChange((change) => changes.push(change));
    await vi.waitFor(() => expect(realtime.status).toBe('closed'));

    const ws = `WS /api/sharings/${sharing.id}/realtime ${REALTIME_PROTOCOL}, bearer.tok`;
    expect(urls).toEqual([ws, `GET /gateway/sharings/${sharing.id}`, ws, `GET /gateway/sharings/${sharing.id}`]);
    expect(changes).toEqual([{ ended: false }, { ended: true }]);
    wss.close();
    gateway.closeAllConnections();
    await new Promise((resolve) => gateway.close(resolve));
  });
});
