import type { AddressInfo } from 'node:net';
import express from 'express';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import type { ApiRoute } from '@mytoutatice/contract';
import { problemHandler, requestId } from './problem-handler.ts';
import { mountRoute } from './route-mounter.ts';
import { HttpError } from './http-error.ts';

const Body = z.object({
  name: z.string().check(z.maxLength(10)),
  ids: z.optional(z.array(z.string()).check(z.maxLength(2))),
  mode: z.optional(z.enum(['fail', 'rename'])),
});
const renameRoute = {
  method: 'post',
  path: '/things/{id}/rename',
  service: 'storage',
  operationId: 'renameThing',
  summary: 'Rename a thing',
  tags: ['things'],
  permission: { resource: 'files', verb: 'write' },
  params: [
    { in: 'path', name: 'id', description: 'The thing.', schema: z.string(), required: true },
    { in: 'query', name: 'limit', description: 'A count.', schema: z.int().check(z.minimum(1)), required: false },
    { in: 'query', name: 'q', description: 'A text.', schema: z.string(), required: true },
  ],
  body: Body,
  responses: { 200: { description: 'Renamed.' } },
  errors: ['bad_request'],
} as const satisfies ApiRoute;
const uploadRoute = { ...renameRoute, path: '/things/{id}/content', operationId: 'putThing', body: 'binary', params: [] } as const satisfies ApiRoute;

let base: string;
let close: () => void;
const guarded: unknown[] = [];

beforeAll(async () => {
  const app = express();
  app.use(requestId);
  const router = express.Router();
  const guard: express.RequestHandler = (req, _res, next) => {
    guarded.push(req.body);
    if ((req.body as { name?: string }).name === 'forbidden') throw new HttpError(403, 'forbidden');
    next();
  };
  mountRoute(router, renameRoute, (_req, res, { body, query, params }) => {
    const name: string = body.name;
    const limit: number | undefined = query.limit;
    res.json({ id: params.id, name, limit, q: query.q });
  }, { guards: [guard], jsonLimit: '1kb' });
  mountRoute(router, uploadRoute, async (req, res) => {
    let bytes = 0;
    for await (const chunk of req) bytes += (chunk as Buffer).length;
    res.json({ bytes });
  });
  app.use(router);
  app.use(problemHandler(pino({ level: 'silent' })));
  const server = app.listen(0);
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => close());

const post = (path: string, body: unknown, type = 'application/json') =>
  fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': type }, body: typeof body === 'string' ? body : JSON.stringify(body) });

async function problem(res: Response) {
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  return (await res.json()) as { status: number; code: string; detail: string };
}

describe(mountRoute.name, () => {
  it('hands the handler the parsed body and query, numbers from the query string included', async () => {
    const res = await post('/things/a%2Fb/rename?q=x&limit=5', { name: 'nouveau' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: 'a/b', name: 'nouveau', limit: 5, q: 'x' });
  });

  it.each([
    [{}, 'Le champ « name » est requis.'],
    [{ name: 3 }, 'Le champ « name » doit être un texte.'],
    [{ name: 'x'.repeat(11) }, 'Le champ « name » doit compter au plus 10 caractères.'],
    [{ name: 'a', ids: ['1', 2] }, 'Le champ « ids[1] » doit être un texte.'],
    [{ name: 'a', ids: ['1', '2', '3'] }, 'Le champ « ids » doit compter au plus 2 éléments.'],
    [{ name: 'a', mode: 'other' }, 'Le champ « mode » doit valoir « fail » ou « rename ».'],
    [[1, 2], 'Le corps doit être un objet JSON.'],
  ])('refuses %j with 400 bad_request and one sentence naming the field', async (body, detail) => {
    const res = await post('/things/1/rename?q=x', body);
    expect(res.status).toBe(400);
    expect(await problem(res)).toMatchObject({ code: 'bad_request', detail });
  });

  it('never echoes what the caller sent', async () => {
    const secret = 'mot-de-passe-très-long-et-secret';
    const res = await post('/things/1/rename?q=x', { name: secret });
    expect((await problem(res)).detail).not.toContain(secret);
  });

  it('checks the query: required, typed, given once', async () => {
    expect((await problem(await post('/things/1/rename', { name: 'a' }))).detail).toBe('Le paramètre « q » est requis.');
    expect((await problem(await post('/things/1/rename?q=x&limit=0', { name: 'a' }))).detail).toBe('Le paramètre « limit » doit valoir au moins 1.');
    expect((await problem(await post('/things/1/rename?q=x&limit=abc', { name: 'a' }))).detail).toBe('Le paramètre « limit » doit être un nombre.');
    expect((await problem(await post('/things/1/rename?q=x&q=y', { name: 'a' }))).detail).toBe('Le paramètre « q » est donné plusieurs fois.');
  });

  it('answers 400 for a body that is not JSON, 413 past the route’s limit', async () => {
    expect(await problem(await post('/things/1/rename?q=x', '{"name":'))).toMatchObject({ status: 400, code: 'bad_request' });
    const big = await post('/things/1/rename?q=x', { name: 'a', pad: 'x'.repeat(2000) });
    expect(await problem(big)).toMatchObject({ status: 413, code: 'payload_too_large' });
  });

  it('runs the guards after the check, on the parsed body', async () => {
    guarded.length = 0;
    await post('/things/1/rename?q=x', { name: 3 });
    expect(guarded).toEqual([]);
    const res = await post('/things/1/rename?q=x', { name: 'forbidden' });
    expect(res.status).toBe(403);
    expect(guarded).toEqual([{ name: 'forbidden' }]);
  });

  it('leaves a binary body to the handler, whatever its size', async () => {
    const res = await post('/things/1/content', 'y'.repeat(100_000), 'application/octet-stream');
    expect(await res.json()).toEqual({ bytes: 100_000 });
  });
});
