import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createFolderRoute, createInstanceRoute, getFileRoute, getInstanceRoute, listFolderRoute } from '@mytoutatice/contract';
import { startStorage, TEST_SECRET, type StorageHarness } from '@mytoutatice/storage/testing';
import { createInternalTokenMinter } from '../auth/internal-token.ts';
import { StorageClient } from './storage-client.ts';

let storage: StorageHarness;
const log = pino({ level: 'silent' });
const client = (timeoutMs = 10_000) => new StorageClient({ mint: createInternalTokenMinter(TEST_SECRET), log, timeoutMs });

beforeAll(async () => {
  storage = await startStorage();
});
afterAll(() => storage.close());

/** A storage node that misbehaves as a real one cannot be made to: it answers `listener`'s way. */
async function fakeStorage(listener: RequestListener): Promise<{ url: string; server: Server }> {
  const server = createServer(listener).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe(StorageClient.name, () => {
  it('calls table routes by their entry, answers checked against the contract', async () => {
    const storageClient = client();
    const space = { backendUrl: storage.url, instanceId: crypto.randomUUID() };
    const created = await storageClient.call(storageClient.asAdmin(storage.url), createInstanceRoute, {
      body: { id: space.instanceId, slug: `s${Date.now()}`, email: 'eleve@example.org' },
    });
    expect(created.id).toBe(space.instanceId);
    const owner = storageClient.asOwner(space);
    const folder = await storageClient.call(owner, createFolderRoute, { params: { parentId: 'root' }, body: { name: 'Cours' } });
    expect(await storageClient.call(owner, getFileRoute, { params: { id: folder.id } })).toMatchObject({ name: 'Cours', type: 'directory' });
    const listing = await storageClient.call(owner, listFolderRoute, { params: { id: 'root' }, query: { limit: 1 } });
    expect(listing.items.map((item) => item.id)).toEqual([folder.id]);
    expect((await storageClient.call(owner, getInstanceRoute, {})).email).toBe('eleve@example.org');
  });

  it('passes the storage’s refusals on with their own status, code, detail and suggested name', async () => {
    const storageClient = client();
    const instance = await storage.createInstance();
    const owner = { backendUrl: storage.url, token: async () => instance.token };
    await storageClient.call(owner, createFolderRoute, { params: { parentId: 'root' }, body: { name: 'Devoirs' } });
    await expect(storageClient.call(owner, createFolderRoute, { params: { parentId: 'root' }, body: { name: 'Devoirs' } })).rejects.toMatchObject({
      status: 409,
      code: 'name_conflict',
      extras: { suggestedName: 'Devoirs (2)' },
    });
    await expect(storageClient.call(owner, getFileRoute, { params: { id: crypto.randomUUID() } })).rejects.toMatchObject({ status: 404, code: 'not_found' });
    const taken = { id: crypto.randomUUID(), slug: instance.slug, email: 'autre@example.org' };
    await expect(storageClient.call(storageClient.asAdmin(storage.url), createInstanceRoute, { body: taken })).rejects.toMatchObject({
      status: 409,
      code: 'space_exists',
    });
  });

  it('takes a malformed answer, a 5xx or a problem without a known code for the node failing (502, logged)', async () => {
    const answers: [number, string][] = [
      [200, JSON.stringify({ id: 42 })],
      [200, 'pas du JSON'],
      [500, '{"code":"internal"}'],
      [418, '{"code":"teapot"}'],
    ];
    const fake = await fakeStorage((_req, res) => {
      const [status, body] = answers[0] ?? [500, ''];
      res.writeHead(status, { 'content-type': 'application/json' }).end(body);
    });
    const warn = vi.fn();
    const storageClient = new StorageClient({ mint: createInternalTokenMinter(TEST_SECRET), log: { warn } as unknown as pino.Logger, timeoutMs: 5_000 });
    try {
      while (answers.length > 0) {
        const answer = answers[0];
        await expect(storageClient.call(storageClient.asAdmin(fake.url), getFileRoute, { params: { id: 'x' } }), JSON.stringify(answer)).rejects.toMatchObject({
          status: 502,
          code: 'upstream_unavailable',
        });
        answers.shift();
      }
      expect(warn).toHaveBeenCalledTimes(4);
      expect(warn.mock.calls[0]?.[0]).toMatchObject({ operationId: 'getFile' });
    } finally {
      fake.server.close();
    }
  });

  it('answers 504 upstream_timeout for a node that does not answer in time, 502 for one that cannot be reached', async () => {
    const fake = await fakeStorage(() => undefined);
    try {
      await expect(client(200).call(client().asAdmin(fake.url), getFileRoute, { params: { id: 'x' } })).rejects.toMatchObject({
        status: 504,
        code: 'upstream_timeout',
      });
    } finally {
      fake.server.closeAllConnections();
      fake.server.close();
    }
    await expect(client().call(client().asAdmin(fake.url), getFileRoute, { params: { id: 'x' } })).rejects.toMatchObject({
      status: 502,
      code: 'upstream_unavailable',
    });
  });
});
