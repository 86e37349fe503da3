// @vitest-environment jsdom
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from './api-error.ts';
import { createClient } from './client.ts';
import { json, startTestServer } from './test-server.ts';
import type { Seen } from './test-server.ts';
import type { ServerResponse } from 'node:http';

const fileDoc = {
  id: 'f1',
  type: 'file',
  name: 'notes de cours.txt',
  parentId: 'root',
  size: 5,
  mime: 'text/plain',
  sha256: '2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** jsdom's XMLHttpRequest enforces CORS: the test page and the server are different origins. */
function cors(handler: (req: Seen, res: ServerResponse) => void) {
  return (req: Seen, res: ServerResponse) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Expose-Headers', 'X-Request-Id');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'Access-Control-Allow-Methods': 'POST, PUT',
        'Access-Control-Allow-Headers': 'Authorization, Content-Type, Content-Digest, If-Match',
      });
      res.end();
      return;
    }
    handler(req, res);
  };
}

const hello = () => new File(['hello'], 'notes de cours.txt', { type: 'text/plain' });

describe('files.upload', () => {
  it('POSTs the raw body with its Content-Digest, name and conflict policy, reporting progress', async () => {
    server.handle(cors((_req, res) => json(res, 201, fileDoc)));
    const client = createClient({ baseUrl: server.baseUrl, getToken: () => 'tok' });
    const progress: number[] = [];
    const file = await client.files.upload('root', hello(), { conflict: 'rename', onProgress: (loaded) => progress.push(loaded) });

    expect(file).toEqual({ ...fileDoc, uploadedAt: null, trashedAt: null, favorite: false, createdBy: null, tags: [], metadata: {} });
    const post = server.seen.find((r) => r.method === 'POST');
    expect(post?.url).toBe('/api/files/root/files?name=notes+de+cours.txt&conflict=rename');
    expect(post?.headers['content-digest']).toBe('sha-256=:LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ=:');
    expect(post?.headers.authorization).toBe('Bearer tok');
    expect(post?.headers['content-type']).toBe('text/plain');
    expect(post?.body).toBe('hello');
    expect(progress.at(-1)).toBe(5);
  });

  it('throws the problem as an ApiError, with the suggested name on a clash', async () => {
    server.handle(
      cors((_req, res) =>
        json(
          res,
          409,
          { title: 'Nom déjà pris', status: 409, code: 'name_conflict', suggestedName: 'notes de cours (2).txt' },
          'application/problem+json',
        ),
      ),
    );
    const client = createClient({ baseUrl: server.baseUrl, getToken: () => 'tok' });
    const error = await client.files.upload('root', hello()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 409, code: 'name_conflict', suggestedName: 'notes de cours (2).txt' });
  });
});

describe('files: overwrite and versions', () => {
  const client = () => createClient({ baseUrl: server.baseUrl, getToken: () => 'tok' });
  const last = () => server.seen.filter((r) => r.method !== 'OPTIONS').at(-1);
  const version = { id: 'v1', size: 3, sha256: 'abc', createdAt: '2026-01-01T00:00:00.000Z' };

  it('PUTs the new content with its Content-Digest and the replaced content’s ETag as If-Match', async () => {
    server.handle(cors((_req, res) => json(res, 200, fileDoc)));
    const progress: number[] = [];
    const saved = await client().files.overwrite('f1', hello(), { expectedSha256: 'abc', onProgress: (loaded) => progress.push(loaded) });
    expect(saved).toMatchObject({ id: 'f1' });
    expect(last()).toMatchObject({ method: 'PUT', url: '/api/files/f1/content', body: 'hello' });
    expect(last()?.headers['if-match']).toBe('"abc"');
    expect(last()?.headers['content-digest']).toBe('sha-256=:LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ=:');
    expect(progress.at(-1)).toBe(5);

    await client().files.overwrite('f1', hello());
    expect(last()?.headers['if-match']).toBeUndefined();
  });

  it('throws precondition_failed as an ApiError when the file changed meanwhile', async () => {
    server.handle(
      cors((_req, res) => json(res, 412, { title: 'Modifié', status: 412, code: 'precondition_failed' }, 'application/problem+json')),
    );
    const error = await client().files.overwrite('f1', hello(), { expectedSha256: 'old' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 412, code: 'precondition_failed' });
  });

  it('lists, downloads, restores and deletes versions', async () => {
    server.handle(cors((_req, res) => json(res, 200, { items: [version] })));
    expect((await client().files.versions('f1')).items).toEqual([version]);
    expect(last()).toMatchObject({ method: 'GET', url: '/api/files/f1/versions' });

    server.handle(cors((_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('old')));
    expect(await (await client().files.versionContent('f1', 'v1')).text()).toBe('old');
    expect(last()?.url).toBe('/api/files/f1/versions/v1/content');

    server.handle(cors((_req, res) => json(res, 200, fileDoc)));
    expect(await client().files.restoreVersion('f1', 'v1')).toMatchObject({ id: 'f1' });
    expect(last()).toMatchObject({ method: 'POST', url: '/api/files/f1/versions/v1/restore' });

    server.handle(cors((_req, res) => res.writeHead(204).end()));
    await expect(client().files.deleteVersion('f1', 'v1')).resolves.toBeUndefined();
    expect(last()).toMatchObject({ method: 'DELETE', url: '/api/files/f1/versions/v1' });
  });
});

describe('files: moving, trash, search', () => {
  const client = () => createClient({ baseUrl: server.baseUrl, getToken: () => 'tok' });
  const located = { ...fileDoc, trashedAt: null, favorite: false, path: '/notes de cours.txt' };
  const folder = { ...fileDoc, id: 'root', type: 'directory', name: '', parentId: null, size: null, mime: null, sha256: null };

  /** Answers `status` with `body` to every request, recording what was asked. */
  function answer(status: number, body?: unknown) {
    server.handle(cors((_req, res) => (body === undefined ? res.writeHead(status).end() : json(res, status, body))));
  }
  const last = () => server.seen.filter((r) => r.method !== 'OPTIONS').at(-1);

  it('renames or moves with PATCH, and copies with POST, passing the conflict policy', async () => {
    answer(200, { ...fileDoc, name: 'cours.txt' });
    expect(await client().files.update('f1', { name: 'cours.txt' }, { conflict: 'rename' })).toMatchObject({ name: 'cours.txt' });
    expect(last()).toMatchObject({ method: 'PATCH', url: '/api/files/f1?conflict=rename', body: '{"name":"cours.txt"}' });

    answer(201, { ...fileDoc, id: 'f2' });
    expect((await client().files.copy('f1', { parentId: 'd1' })).id).toBe('f2');
    expect(last()).toMatchObject({ method: 'POST', url: '/api/files/f1/copy', body: '{"parentId":"d1"}' });
  });

  it('trashes, restores, destroys and empties the trash', async () => {
    answer(200, { ...fileDoc, parentId: 'trash', trashedAt: '2026-02-01T00:00:00.000Z' });
    expect((await client().files.trash('f1')).trashedAt).toBe('2026-02-01T00:00:00.000Z');
    expect(last()).toMatchObject({ method: 'DELETE', url: '/api/files/f1' });

    answer(200, fileDoc);
    await client().files.restore('f1');
    expect(last()).toMatchObject({ method: 'POST', url: '/api/files/f1/restore' });

    answer(204);
    await expect(client().files.destroy('f1')).resolves.toBeUndefined();
    expect(last()).toMatchObject({ method: 'DELETE', url: '/api/files/f1?forever=true' });
    await client().files.emptyTrash();
    expect(last()).toMatchObject({ method: 'DELETE', url: '/api/files/trash' });
  });

  it('reads the trash, search results, recents, favourites and sorted listings', async () => {
    answer(200, { folder: { ...folder, id: 'trash' }, items: [located], next: 'c2' });
    expect((await client().files.listTrash({ limit: 10 })).next).toBe('c2');
    expect(last()?.url).toBe('/api/files/trash/children?limit=10');

    answer(200, { items: [located], next: null });
    expect((await client().files.search('école')).items[0]?.path).toBe('/notes de cours.txt');
    expect(last()?.url).toBe('/api/files/search?q=%C3%A9cole');
    await client().files.recent({ cursor: 'c1' });
    expect(last()?.url).toBe('/api/files/recent?cursor=c1');
    await client().files.favorites();
    expect(last()?.url).toBe('/api/files/favorites');

    answer(200, { folder, items: [], next: null });
    await client().files.children('root', { sort: 'size', order: 'desc' });
    expect(last()?.url).toBe('/api/files/root/children?sort=size&order=desc');
  });

  it('throws invalid_move and in_trash as ApiErrors', async () => {
    server.handle(
      cors((_req, res) =>
        json(res, 400, { title: 'Déplacement impossible', status: 400, code: 'invalid_move' }, 'application/problem+json'),
      ),
    );
    await expect(client().files.update('d1', { parentId: 'd2' })).rejects.toMatchObject({ status: 400, code: 'invalid_move' });
  });
});

describe('files: zips', () => {
  const client = () => createClient({ baseUrl: server.baseUrl, getToken: () => 'tok' });
  const zipBytes = 'PK\u0003\u0004';
  const zipped = cors((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/zip' }).end(zipBytes);
  });

  it('GETs a folder’s zip and answers its bytes', async () => {
    server.handle(zipped);
    const blob = await client().files.zipFolder('dossier 1');
    expect(await blob.text()).toBe(zipBytes);
    expect(server.seen.at(-1)).toMatchObject({ method: 'GET', url: '/api/files/dossier%201/zip' });
  });

  it('POSTs a selection’s ids and answers the zip', async () => {
    server.handle(zipped);
    const blob = await client().files.zipSelection(['a', 'b']);
    expect(await blob.text()).toBe(zipBytes);
    const post = server.seen.find((r) => r.method === 'POST');
    expect(post?.url).toBe('/api/files/zip');
    expect(JSON.parse(post?.body ?? '')).toEqual({ ids: ['a', 'b'] });
  });
});

describe('files.content', () => {
  it('GETs the bytes with the token', async () => {
    server.handle(cors((_req, res) => res.writeHead(200, { 'Content-Type': 'text/plain' }).end('hello')));
    const client = createClient({ baseUrl: server.baseUrl, getToken: () => 'tok' });
    const blob = await client.files.content('f1');
    expect(await blob.text()).toBe('hello');
    const get = server.seen.find((r) => r.method === 'GET');
    expect(get?.url).toBe('/api/files/f1/content');
    expect(get?.headers.authorization).toBe('Bearer tok');
  });
});
