import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isApiError } from './api-error.ts';
import { createClient } from './client.ts';
import { createDocuments } from './documents.ts';
import { json, startTestServer } from './test-server.ts';

const now = '2026-01-01T00:00:00.000Z';
const note = { id: 'n1', rev: '2-b', doctype: 'io.mytoutatice.notes', data: { title: 'Maths' }, createdAt: now, updatedAt: now };

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const documents = () => createClient({ baseUrl: server.baseUrl, getToken: () => 'tok' }).documents;

describe(createDocuments.name, () => {
  it('lists with a filter, a sort and a cursor as query parameters', async () => {
    server.handle((_req, res) => json(res, 200, { items: [note], next: null }));
    await documents().list('io.mytoutatice.contacts', {
      where: { field: 'fullname', op: 'prefix', value: 'Ré:x' },
      sort: 'fullname',
      order: 'desc',
      cursor: 'c1',
      limit: 20,
    });
    const url = new URL(server.seen[0]?.url ?? '', 'http://x');
    expect(url.pathname).toBe('/api/data/io.mytoutatice.contacts');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      where: 'fullname:prefix:Ré:x',
      sort: 'fullname',
      order: 'desc',
      cursor: 'c1',
      limit: '20',
    });
  });

  it('updates with If-Match and { data }, and removes with If-Match', async () => {
    server.handle((_req, res) => json(res, 200, note));
    await expect(documents().update('io.mytoutatice.notes', 'n1', '1-a', { title: 'Maths' })).resolves.toEqual(note);
    expect(server.seen[0]).toMatchObject({ method: 'PUT', url: '/api/data/io.mytoutatice.notes/n1', body: '{"data":{"title":"Maths"}}' });
    expect(server.seen[0]?.headers['if-match']).toBe('"1-a"');

    server.handle((_req, res) => res.writeHead(204).end());
    await expect(documents().remove('io.mytoutatice.notes', 'n1', '2-b')).resolves.toBeUndefined();
    expect(server.seen[0]).toMatchObject({ method: 'DELETE', url: '/api/data/io.mytoutatice.notes/n1' });
    expect(server.seen[0]?.headers['if-match']).toBe('"2-b"');
  });

  it('throws ApiError revision_conflict on a stale revision', async () => {
    server.handle((_req, res) =>
      json(res, 409, { title: 'Le document a changé entre-temps', status: 409, code: 'revision_conflict' }, 'application/problem+json'),
    );
    const failure = await documents().update('io.mytoutatice.notes', 'n1', '1-a', { title: 'x' }).catch((error: unknown) => error);
    expect(isApiError(failure) && failure.code).toBe('revision_conflict');
  });
});
