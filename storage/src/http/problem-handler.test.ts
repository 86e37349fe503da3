import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Problem } from '@mytoutatice/contract';
import { problemHandler } from '@mytoutatice/server-kit';
import { startStorage, type StorageHarness } from '../../test/harness/storage-harness.ts';

describe(problemHandler.name, () => {
  let storage: StorageHarness;
  let token: string;
  beforeAll(async () => {
    storage = await startStorage();
    token = (await storage.createInstance('alice')).token;
  });
  afterAll(() => storage.close());

  it('answers an unknown route with a 404 problem in French', async () => {
    const response = await storage.call(token, '/nulle/part');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = Problem.parse(await response.json());
    expect(problem).toMatchObject({ code: 'not_found', status: 404, title: 'Introuvable' });
    expect(problem.requestId).toBe(response.headers.get('x-request-id'));
  });

  it('keeps the gateway’s request id', async () => {
    const response = await storage.call(token, '/nulle/part', { headers: { 'x-request-id': 'req-42' } });
    expect((await response.json()).requestId).toBe('req-42');
  });

  it('answers malformed JSON and bad percent-encoding with 400 bad_request', async () => {
    const json = await storage.call(token, '/files/root/folders', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name": ',
    });
    expect(json.status).toBe(400);
    expect((await json.json()).code).toBe('bad_request');

    const encoding = await storage.call(token, '/files/%E0%A4%A/children');
    expect(encoding.status).toBe(400);
    expect((await encoding.json()).code).toBe('bad_request');
  });
});
