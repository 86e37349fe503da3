import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from './api-error.ts';
import { createClient } from './client.ts';
import { createNotes } from './notes.ts';
import { json, startTestServer } from './test-server.ts';

const note = {
  file: {
    id: 'n1',
    type: 'file',
    name: 'Réunion de rentrée.md',
    parentId: 'notes',
    size: 24,
    mime: 'text/markdown',
    sha256: '2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824',
    createdAt: '2026-09-01T08:00:00.000Z',
    updatedAt: '2026-09-01T08:30:00.000Z',
    path: '/Notes/Réunion de rentrée.md',
  },
  title: 'Réunion de rentrée',
  excerpt: 'Ordre du jour',
};

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const client = () => createClient({ baseUrl: server.baseUrl, getToken: () => 'tok' });

describe(createNotes.name, () => {
  it('lists the notes of the space from the storage, with the next page’s cursor', async () => {
    server.handle((_req, res) => json(res, 200, { items: [note], next: 'c2' }));
    const list = await client().notes.list();
    expect(list.items.map((item) => item.title)).toEqual(['Réunion de rentrée']);
    expect(list.next).toBe('c2');
    expect(server.seen[0]).toMatchObject({ method: 'GET', url: '/api/notes' });
    expect(server.seen[0]?.headers.authorization).toBe('Bearer tok');
  });

  it('sends the words searched (trimmed) and the cursor in the query string; blank words search nothing', async () => {
    server.handle((_req, res) => json(res, 200, { items: [], next: null }));
    await client().notes.list({ q: '  ordre du jour ', cursor: 'c2' });
    await client().notes.list({ q: '   ' });
    expect(server.seen.map((seen) => seen.url)).toEqual(['/api/notes?q=ordre+du+jour&cursor=c2', '/api/notes']);
  });

  it('creates a note from Markdown (an import) and returns it as the storage made it', async () => {
    server.handle((_req, res) => json(res, 201, note));
    const made = await client().notes.create({ title: 'Réunion de rentrée', markdown: '# Ordre du jour' });
    expect(made.file.id).toBe('n1');
    expect(server.seen[0]).toMatchObject({ method: 'POST', url: '/api/notes' });
    expect(JSON.parse(server.seen[0]?.body ?? '')).toEqual({ title: 'Réunion de rentrée', markdown: '# Ordre du jour' });
  });

  it('throws the storage’s refusal as an ApiError with its code', async () => {
    server.handle((_req, res) =>
      json(res, 413, { type: 'about:blank', title: 'Quota', status: 413, code: 'quota_exceeded', detail: 'Votre espace est plein.' }, 'application/problem+json'),
    );
    const refused = await client().notes.create().catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ status: 413, code: 'quota_exceeded' });
  });

  it('uploads an image as the raw body under the sharing it was opened through, its name percent-encoded', async () => {
    server.handle((_req, res) => json(res, 201, { src: '/api/notes/n1/images/i1' }));
    const image = new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' });
    expect(await client().notes.addImage('n1', image, 'Schéma été.png', { apiBase: '/api/sharings/s1' })).toEqual({ src: '/api/notes/n1/images/i1' });
    expect(server.seen[0]).toMatchObject({ method: 'POST', url: '/api/sharings/s1/notes/n1/images' });
    expect(server.seen[0]?.headers).toMatchObject({ 'content-type': 'image/png', 'x-file-name': 'Sch%C3%A9ma%20%C3%A9t%C3%A9.png', authorization: 'Bearer tok' });
  });

  it('reads an image the document holds with the bearer token, under where the note was opened (a sharing, a link)', async () => {
    server.handle((_req, res) => res.writeHead(200, { 'Content-Type': 'image/png' }).end(Buffer.from([137, 80, 78, 71])));
    const own = await client().notes.image('/api/notes/n1/images/i1');
    await client().notes.image('/api/notes/n1/images/i1', { apiBase: '/api/links/c1' });
    expect(own.type).toBe('image/png');
    expect(new Uint8Array(await own.arrayBuffer())).toEqual(new Uint8Array([137, 80, 78, 71]));
    expect(server.seen.map((seen) => [seen.url, seen.headers.authorization])).toEqual([
      ['/api/notes/n1/images/i1', 'Bearer tok'],
      ['/api/links/c1/notes/n1/images/i1', 'Bearer tok'],
    ]);
    await expect(client().notes.image('https://example.org/x.png')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('refuses an image over the limit or of another type before sending a byte, with the storage’s codes', async () => {
    server.handle((_req, res) => json(res, 201, { src: '/api/notes/n1/images/i1' }));
    const big = new Blob([new Uint8Array(10 * 1024 * 1024 + 1)], { type: 'image/png' });
    await expect(client().notes.addImage('n1', big, 'grande.png')).rejects.toMatchObject({ status: 413, code: 'image_too_large' });
    const pdf = new Blob(['%PDF-1.7'], { type: 'application/pdf' });
    await expect(client().notes.addImage('n1', pdf, 'cours.pdf')).rejects.toMatchObject({ status: 415, code: 'unsupported_media_type' });
    expect(server.seen).toEqual([]);
  });
});
