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
        'Access-Control-Allow-Methods': 'POST',
        'Access-Control-Allow-Headers': 'Authorization, Content-Type, Content-Digest',
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

    expect(file).toEqual(fileDoc);
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
