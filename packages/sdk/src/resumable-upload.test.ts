// @vitest-environment jsdom
import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClient } from './client.ts';
import { CHUNK_BYTES, forgetUnfinishedUpload, RESUMABLE_FROM_BYTES, resumableUpload, unfinishedUploads } from './resumable-upload.ts';
import { json, startTestServer } from './test-server.ts';
import type { Seen } from './test-server.ts';

const fileDoc = {
  id: 'f1',
  type: 'file',
  name: 'cours.mp4',
  parentId: 'd1',
  size: RESUMABLE_FROM_BYTES + 1,
  mime: 'video/mp4',
  sha256: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

// Bundlers take tus-js-client's browser build (its `browser` field); Vitest would take the Node
// one, which cannot read a Blob.
const BROWSER_BUILD: string = 'tus-js-client/lib.esm/browser/index.js';
vi.mock('tus-js-client', () => import(BROWSER_BUILD));

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
beforeEach(() => localStorage.clear());

/** A tus 1.0 endpoint (and the file it makes), cross-origin for jsdom's XMLHttpRequest. */
function tusServer(options: { refuseFirstPatchWith401?: boolean; failSecondPatch?: boolean } = {}) {
  let offset = 0;
  let refused = false;
  let patches = 0;
  return (req: Seen, res: ServerResponse) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Expose-Headers', 'Location, Upload-Offset, Upload-Length, Tus-Resumable, X-File-Id');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { 'Access-Control-Allow-Methods': 'POST, PATCH, HEAD, GET, DELETE', 'Access-Control-Allow-Headers': '*, Authorization' });
      res.end();
      return;
    }
    if (req.method === 'POST' && req.url === '/api/uploads') {
      res.writeHead(201, { Location: '/api/uploads/u1', 'Tus-Resumable': '1.0.0' }).end();
      return;
    }
    if (req.method === 'HEAD' && req.url === '/api/uploads/u1') {
      res.writeHead(200, { 'Upload-Offset': String(offset), 'Upload-Length': String(fileDoc.size), 'Tus-Resumable': '1.0.0' }).end();
      return;
    }
    if (req.method === 'PATCH' && req.url === '/api/uploads/u1') {
      if (options.failSecondPatch && ++patches === 2) {
        json(res, 400, { title: 'Requête invalide', status: 400, code: 'bad_request' }, 'application/problem+json');
        return;
      }
      if (options.refuseFirstPatchWith401 && !refused) {
        refused = true;
        json(res, 401, { title: 'Jeton expiré', status: 401, code: 'invalid_token' }, 'application/problem+json');
        return;
      }
      offset += req.body.length;
      const done = offset === fileDoc.size;
      res.writeHead(204, { 'Upload-Offset': String(offset), 'Tus-Resumable': '1.0.0', ...(done ? { 'X-File-Id': 'f1' } : {}) }).end();
      return;
    }
    if (req.method === 'DELETE' && req.url === '/api/uploads/u1') {
      res.writeHead(204, { 'Tus-Resumable': '1.0.0' }).end();
      return;
    }
    if (req.method === 'GET' && req.url === '/api/files/f1') {
      json(res, 200, fileDoc);
      return;
    }
    res.writeHead(404).end();
  };
}

const video = () => new File(['a'.repeat(RESUMABLE_FROM_BYTES + 1)], 'cours.mp4', { type: 'video/mp4' });

describe(resumableUpload.name, () => {
  it('sends a file over the threshold through tus in chunks, each with the token, and answers the new file', async () => {
    server.handle(tusServer());
    const client = createClient({ baseUrl: server.baseUrl, getToken: () => 'tok' });
    const progress: number[] = [];
    const file = await client.files.upload('d1', video(), { conflict: 'rename', onProgress: (loaded) => progress.push(loaded) });

    expect(file).toMatchObject({ id: 'f1', name: 'cours.mp4' });
    const creation = server.seen.find((r) => r.method === 'POST');
    expect(creation?.headers['upload-length']).toBe(String(RESUMABLE_FROM_BYTES + 1));
    const metadata = Object.fromEntries(
      (creation?.headers['upload-metadata'] as string).split(',').map((pair) => {
        const [key = '', value = ''] = pair.split(' ');
        return [key, atob(value)];
      }),
    );
    expect(metadata).toEqual({ filename: 'cours.mp4', parent: 'd1', conflict: 'rename' });
    const patches = server.seen.filter((r) => r.method === 'PATCH');
    expect(patches.map((p) => p.body.length)).toEqual([CHUNK_BYTES, RESUMABLE_FROM_BYTES + 1 - CHUNK_BYTES]);
    expect(server.seen.filter((r) => r.method !== 'OPTIONS').every((r) => r.headers.authorization === 'Bearer tok')).toBe(true);
    expect(progress.at(-1)).toBe(RESUMABLE_FROM_BYTES + 1);
  });

  it('renews the token on a 401 and goes on from where the server is', async () => {
    server.handle(tusServer({ refuseFirstPatchWith401: true }));
    let token = 'old';
    const client = createClient({
      baseUrl: server.baseUrl,
      getToken: () => token,
      onUnauthorized: () => {
        token = 'new';
        return true;
      },
    });
    const file = await client.files.upload('d1', video());
    expect(file.id).toBe('f1');
    const patches = server.seen.filter((r) => r.method === 'PATCH');
    expect(patches[0]?.headers.authorization).toBe('Bearer old');
    expect(patches.slice(1).every((p) => p.headers.authorization === 'Bearer new')).toBe(true);
  });

  it('resumes after a restart from the offset the server has, with the URL kept in localStorage', async () => {
    const handler = tusServer({ failSecondPatch: true });
    server.handle(handler);
    const before = createClient({ baseUrl: server.baseUrl, getToken: () => 'tok' });
    // The same file picked again after the restart: same name, size, date.
    const picked = video();
    await expect(before.files.upload('d1', picked)).rejects.toMatchObject({ status: 400, code: 'bad_request' });
    expect(localStorage.length).toBe(1);

    server.handle(handler);
    const after = createClient({ baseUrl: server.baseUrl, getToken: () => 'tok' });
    const file = await after.files.upload('d1', picked);
    expect(file.id).toBe('f1');
    expect(server.seen.filter((r) => r.method !== 'OPTIONS').map((r) => `${r.method} ${r.url} ${r.body.length}`)).toEqual([
      'HEAD /api/uploads/u1 0',
      `PATCH /api/uploads/u1 ${RESUMABLE_FROM_BYTES + 1 - CHUNK_BYTES}`,
      'GET /api/files/f1 0',
    ]);
    expect(localStorage.length).toBe(0);
  });

  it('pauses without deleting the upload, lists it as unfinished, and goes on from the server offset', async () => {
    const handler = tusServer();
    server.handle(handler);
    const client = createClient({ baseUrl: server.baseUrl, getToken: () => 'tok' });
    const pause = new AbortController();
    const picked = video();
    const paused = client.files.upload('d1', picked, {
      conflict: 'rename',
      pauseSignal: pause.signal,
      onProgress: (loaded) => {
        if (loaded >= CHUNK_BYTES) pause.abort();
      },
    });
    await expect(paused).rejects.toBeDefined();
    expect(server.seen.some((r) => r.method === 'DELETE')).toBe(false);
    const [unfinished, ...others] = await unfinishedUploads();
    expect(others).toEqual([]);
    expect(unfinished).toMatchObject({ name: 'cours.mp4', size: RESUMABLE_FROM_BYTES + 1, parentId: 'd1', conflict: 'rename' });

    server.handle(handler);
    const file = await client.files.upload('d1', picked, { conflict: 'rename' });
    expect(file.id).toBe('f1');
    expect(server.seen.filter((r) => r.method === 'PATCH').map((r) => r.body.length).at(-1)).toBe(RESUMABLE_FROM_BYTES + 1 - CHUNK_BYTES);
    expect(await unfinishedUploads()).toEqual([]);
  });

  it('discards a paused upload: deleted on the server, forgotten here', async () => {
    server.handle(tusServer({ failSecondPatch: true }));
    const client = createClient({ baseUrl: server.baseUrl, getToken: () => 'tok' });
    const picked = video();
    await expect(client.files.upload('d1', picked, { conflict: 'rename' })).rejects.toBeDefined();
    await client.files.discardUpload('d1', picked, { conflict: 'rename' });
    const deletion = server.seen.find((r) => r.method === 'DELETE');
    expect(deletion?.url).toBe('/api/uploads/u1');
    expect(deletion?.headers.authorization).toBe('Bearer tok');
    expect(await unfinishedUploads()).toEqual([]);
  });

  it('forgets an unfinished upload on demand', async () => {
    server.handle(tusServer({ failSecondPatch: true }));
    const client = createClient({ baseUrl: server.baseUrl, getToken: () => 'tok' });
    await expect(client.files.upload('d1', video())).rejects.toBeDefined();
    const [unfinished] = await unfinishedUploads();
    await forgetUnfinishedUpload(unfinished?.key ?? '');
    expect(await unfinishedUploads()).toEqual([]);
  });

  it('keeps the single POST for a file at the threshold', async () => {
    server.handle((req, res) => {
      res.setHeader('Access-Control-Allow-Origin', '*');
      if (req.method === 'OPTIONS') {
        res.writeHead(204, { 'Access-Control-Allow-Methods': 'POST', 'Access-Control-Allow-Headers': '*, Authorization' }).end();
        return;
      }
      json(res, 201, { ...fileDoc, size: RESUMABLE_FROM_BYTES });
    });
    const client = createClient({ baseUrl: server.baseUrl, getToken: () => 'tok' });
    await client.files.upload('d1', new File(['a'.repeat(RESUMABLE_FROM_BYTES)], 'cours.mp4'));
    expect(server.seen.filter((r) => r.method !== 'OPTIONS').map((r) => `${r.method} ${r.url}`)).toEqual([
      'POST /api/files/d1/files?name=cours.mp4&conflict=fail',
    ]);
  });
});
