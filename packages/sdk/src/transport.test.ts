import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { deleteFileRoute, getFileRoute, stopSharingRoute, updateFileRoute } from '@mytoutatice/contract';
import { ApiError } from './api-error.ts';
import { createTransport } from './transport.ts';
import type { TransportOptions } from './transport.ts';
import { json, startTestServer } from './test-server.ts';

const Ok = {
  safeParse: (value: unknown) =>
    typeof value === 'object' && value !== null && 'ok' in value
      ? { success: true as const, data: value as { ok: boolean } }
      : { success: false as const, error: { issues: [{ path: ['ok'], message: 'Required' }] } },
};

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

function transport(options: Partial<TransportOptions> = {}) {
  return createTransport({ baseUrl: server.baseUrl, getToken: () => 'tok-1', retryDelayMs: 5, ...options });
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => expect.fail('expected a rejection'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe(createTransport.name, () => {
  it('sends the Bearer token and JSON, and reads JSON back', async () => {
    server.handle((req, res) => json(res, 201, { ok: true, got: JSON.parse(req.body) }));
    const result = await transport().request('/api/x', Ok, { method: 'POST', json: { a: 1 }, query: { q: 'é t', n: null } });
    expect(result).toEqual({ ok: true, got: { a: 1 } });
    const [req] = server.seen;
    expect(req?.headers.authorization).toBe('Bearer tok-1');
    expect(req?.headers['content-type']).toBe('application/json');
    expect(req?.url).toBe('/api/x?q=%C3%A9+t');
  });

  it('sends no Authorization header without a token', async () => {
    server.handle((_req, res) => json(res, 200, { ok: true }));
    await transport({ getToken: () => null }).request('/x', Ok);
    expect(server.seen[0]?.headers.authorization).toBeUndefined();
  });

  it('turns a problem+json answer into an ApiError with its fields', async () => {
    server.handle((_req, res) =>
      json(
        res,
        409,
        {
          type: 'about:blank',
          title: 'Un élément porte déjà ce nom',
          status: 409,
          code: 'name_conflict',
          detail: '« a.txt » existe déjà.',
          requestId: 'req-42',
          suggestedName: 'a (2).txt',
        },
        'application/problem+json',
      ),
    );
    const error = await failure(transport().request('/x', Ok, { method: 'POST' }));
    expect(error).toMatchObject({
      status: 409,
      code: 'name_conflict',
      title: 'Un élément porte déjà ce nom',
      detail: '« a.txt » existe déjà.',
      requestId: 'req-42',
      suggestedName: 'a (2).txt',
    });
  });

  it('maps a non-JSON 502 to upstream_unavailable, keeping the request id header', async () => {
    server.handle((_req, res) => res.writeHead(502, { 'Content-Type': 'text/html', 'X-Request-Id': 'r-9' }).end('<h1>Bad Gateway</h1>'));
    const error = await failure(transport().request('/x', Ok, { method: 'POST' }));
    expect(error).toMatchObject({ status: 502, code: 'upstream_unavailable', requestId: 'r-9' });
  });

  it('retries a GET on 503, then succeeds', async () => {
    let calls = 0;
    server.handle((_req, res) => (++calls < 3 ? res.writeHead(503).end() : json(res, 200, { ok: true })));
    await expect(transport().request('/x', Ok)).resolves.toEqual({ ok: true });
    expect(server.seen).toHaveLength(3);
  });

  it('gives up after three tries', async () => {
    server.handle((_req, res) => res.writeHead(504).end());
    const error = await failure(transport().request('/x', Ok, { method: 'DELETE' }));
    expect(error.code).toBe('upstream_timeout');
    expect(server.seen).toHaveLength(3);
  });

  it('never retries a POST', async () => {
    server.handle((_req, res) => res.writeHead(503).end());
    const error = await failure(transport().request('/x', Ok, { method: 'POST', json: {} }));
    expect(error.code).toBe('upstream_unavailable');
    expect(server.seen).toHaveLength(1);
  });

  it('on 401 calls onUnauthorized once, then retries with the new token', async () => {
    let token = 'old';
    const onUnauthorized = vi.fn(() => {
      token = 'new';
    });
    server.handle((req, res) =>
      req.headers.authorization === 'Bearer new' ? json(res, 200, { ok: true }) : res.writeHead(401).end(),
    );
    const t = transport({ getToken: () => token, onUnauthorized });
    await expect(t.request('/x', Ok, { method: 'POST' })).resolves.toEqual({ ok: true });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect(server.seen.map((r) => r.headers.authorization)).toEqual(['Bearer old', 'Bearer new']);
  });

  it('renews once for concurrent 401s, and fails when the new token is refused too', async () => {
    const onUnauthorized = vi.fn(() => new Promise<void>((resolve) => setTimeout(resolve, 100)));
    server.handle((_req, res) =>
      json(res, 401, { title: 'Jeton expiré', status: 401, code: 'invalid_token' }, 'application/problem+json'),
    );
    const t = transport({ onUnauthorized });
    const errors = await Promise.all([failure(t.request('/a', Ok)), failure(t.request('/b', Ok))]);
    expect(errors.map((e) => e.code)).toEqual(['invalid_token', 'invalid_token']);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect(server.seen).toHaveLength(4);
  });

  it('does not retry when onUnauthorized says the token could not be renewed', async () => {
    server.handle((_req, res) => res.writeHead(401).end());
    const error = await failure(transport({ onUnauthorized: async () => false }).request('/x', Ok));
    expect(error).toMatchObject({ status: 401, code: 'unauthenticated' });
    expect(server.seen).toHaveLength(1);
  });

  it('reports a network failure as status 0, upstream_unavailable, after retrying a GET', async () => {
    const fetch = vi.fn(() => Promise.reject(new TypeError('fetch failed')));
    const error = await failure(transport({ fetch }).request('/x', Ok));
    expect(error).toMatchObject({ status: 0, code: 'upstream_unavailable' });
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  it('rejects an answer that breaks the contract with a clear ApiError', async () => {
    server.handle((_req, res) => json(res, 200, { nope: 1 }));
    const error = await failure(transport().request('/x', Ok));
    expect(error).toMatchObject({ status: 200, code: 'internal', detail: 'ok: Required' });
  });

  it('can be aborted, with the signal’s reason', async () => {
    server.handle(() => {
      // Never answers.
    });
    const controller = new AbortController();
    const pending = transport().request('/x', Ok, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  describe('call', () => {
    const doc = { id: 'a/b', type: 'file', name: 'é.txt', parentId: 'root', size: 1, mime: 'text/plain', sha256: null, createdAt: 'x', updatedAt: 'x' };

    it('builds the path from the route and its parameters (each encoded), the query and the JSON body', async () => {
      server.handle((_req, res) => json(res, 200, doc));
      const file = await transport().call(updateFileRoute, { params: { id: 'a/b' }, query: { conflict: 'rename' }, body: { name: 'é.txt' } }, { apiBase: '/api/sharings/s 1' });
      expect(file).toMatchObject({ id: 'a/b', favorite: false });
      const [req] = server.seen;
      expect(req).toMatchObject({ method: 'PATCH', url: '/api/sharings/s%201/files/a%2Fb?conflict=rename', body: '{"name":"é.txt"}' });
    });

    it('reaches the gateway’s own routes at their path, whatever the apiBase', async () => {
      server.handle((_req, res) => res.writeHead(204).end());
      await transport().call(stopSharingRoute, { params: { id: 'x' } }, { apiBase: '/api/links/c' });
      expect(server.seen[0]).toMatchObject({ method: 'DELETE', url: '/gateway/sharings/x' });
    });

    it('checks the answer against the schema of the status met, and refuses one that breaks it', async () => {
      server.handle((_req, res) => res.writeHead(204).end());
      expect(await transport().call(deleteFileRoute, { params: { id: 'x' }, query: { forever: 'true' } })).toBeUndefined();
      server.handle((_req, res) => json(res, 200, { id: 42 }));
      const error = await failure(transport().call(getFileRoute, { params: { id: 'x' } }));
      expect(error).toMatchObject({ status: 200, code: 'internal' });
    });
  });
});
