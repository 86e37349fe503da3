import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from './client.ts';
import { json, startTestServer } from './test-server.ts';

const now = '2026-01-01T00:00:00.000Z';
const folder = { id: 'root', type: 'directory', name: '', parentId: null, size: null, mime: null, sha256: null, createdAt: now, updatedAt: now };
const note = { id: 'n1', rev: '1-a', doctype: 'io.mytoutatice.notes', data: { title: 'Maths' }, createdAt: now, updatedAt: now };
const app = {
  slug: 'drive',
  name: 'Drive',
  version: '1.0.0',
  route: '/drive',
  entry: 'drive.js',
  icon: 'icon.svg',
  entryUrl: '/apps/drive/drive.js',
  styleUrls: [],
  iconUrl: '/apps/drive/icon.svg',
};

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const client = () => createClient({ baseUrl: `${server.baseUrl}/`, getToken: () => 'tok' });

describe(createClient.name, () => {
  it('lists a folder’s children page by page', async () => {
    server.handle((_req, res) => json(res, 200, { folder, items: [], next: null }));
    const listing = await client().files.children('root', { cursor: 'c 2', limit: 50 });
    expect(listing.folder.id).toBe('root');
    expect(server.seen[0]?.url).toBe('/api/files/root/children?cursor=c+2&limit=50');
  });

  it('creates a folder with a JSON body', async () => {
    server.handle((_req, res) => json(res, 201, { ...folder, id: 'd1', name: 'Cours', parentId: 'root' }));
    await client().files.createFolder('root', 'Cours');
    expect(server.seen[0]).toMatchObject({ method: 'POST', url: '/api/files/root/folders', body: '{"name":"Cours"}' });
  });

  it('creates a document as { data }', async () => {
    server.handle((_req, res) => json(res, 201, note));
    await expect(client().documents.create('io.mytoutatice.notes', { title: 'Maths' })).resolves.toEqual(note);
    expect(server.seen[0]).toMatchObject({ url: '/api/data/io.mytoutatice.notes', body: '{"data":{"title":"Maths"}}' });
  });

  it('reads the installed apps, with the manifest defaults filled in', async () => {
    server.handle((_req, res) => json(res, 200, [app]));
    const [drive] = await client().space.apps();
    expect(drive).toMatchObject({ slug: 'drive', listed: true, permissions: [], styles: [] });
    expect(server.seen[0]?.url).toBe('/gateway/apps');
  });

  it('reads the space’s usage: files, trash and versions', async () => {
    const usage = { files: 700, trash: 200, versions: 100 };
    server.handle((_req, res) => json(res, 200, { id: 'i', slug: 'eleve', email: 'e@x.fr', createdAt: now, quotaBytes: 5000, usedBytes: 1000, usage }));
    await expect(client().space.usage()).resolves.toMatchObject({ quotaBytes: 5000, usage });
    expect(server.seen[0]?.url).toBe('/api/instance');
  });

  it('turns a token failure into an unauthenticated ApiError', async () => {
    const broken = createClient({
      baseUrl: server.baseUrl,
      getToken: () => {
        throw new Error('no user');
      },
    });
    await expect(broken.space.me()).rejects.toMatchObject({ name: 'ApiError', code: 'unauthenticated' });
  });
});
