import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { InternalTokenVerifier } from './internal-token.ts';
import { startStorage, type StorageHarness } from '../../test/harness/storage-harness.ts';

describe(InternalTokenVerifier.name, () => {
  let storage: StorageHarness;
  beforeAll(async () => {
    storage = await startStorage();
  });
  afterAll(() => storage.close());

  async function expectProblem(response: Response, status: number, code: string) {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const body = await response.json();
    expect(body).toMatchObject({ status, code });
    expect(typeof body.title).toBe('string');
    expect(typeof body.requestId).toBe('string');
    return body;
  }

  it('answers /healthz without a token', async () => {
    const response = await storage.call(undefined, '/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('refuses a call without a token with 401 unauthenticated', async () => {
    await expectProblem(await storage.call(undefined, '/instance'), 401, 'unauthenticated');
    await expectProblem(await storage.call(undefined, '/no/such/route'), 401, 'unauthenticated');
  });

  it('refuses forged, expired, wrong-audience and wrong-issuer tokens with 401 invalid_token', async () => {
    const { id } = await storage.createInstance();
    const tokens = [
      await storage.sign('owner', { sub: id, secret: 'another-secret-another-secret-another-secret' }),
      await storage.sign('owner', { sub: id, expiresIn: -10 }),
      await storage.sign('owner', { sub: id, audience: 'mytoutatice-download' }),
      await storage.sign('owner', { sub: id, issuer: 'someone-else' }),
      // alg "none": a token anyone could write.
      `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(
        JSON.stringify({ iss: 'mytoutatice-gateway', aud: 'mytoutatice-storage', scope: 'owner', sub: id, exp: 2e9 }),
      ).toString('base64url')}.`,
      'not-a-jwt',
    ];
    for (const token of tokens) {
      await expectProblem(await storage.call(token, '/instance'), 401, 'invalid_token');
    }
    const basic = await storage.call(undefined, '/instance', { headers: { authorization: 'Basic dXNlcjpwYXNz' } });
    await expectProblem(basic, 401, 'invalid_token');
  });

  it('refuses an owner token without an instance (sub)', async () => {
    await expectProblem(await storage.call(await storage.sign('owner'), '/instance'), 401, 'invalid_token');
  });

  it('stops accepting a token once it expires, even after it was accepted (cached)', async () => {
    const verifier = new InternalTokenVerifier(storage.config.internalTokenSecret);
    const token = await storage.sign('admin', { expiresIn: 60 });
    expect(await verifier.verify(token)).toMatchObject({ scope: 'admin' });
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 61_000 });
    try {
      expect(await verifier.verify(token)).toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
  });

  it('lets only the admin scope create instances (403 forbidden otherwise)', async () => {
    const { id } = await storage.createInstance();
    const body = JSON.stringify({ id: crypto.randomUUID(), slug: 'intrus', email: 'intrus@example.org' });
    const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body };
    await expectProblem(await storage.call(await storage.sign('owner', { sub: id }), '/instances', init), 403, 'forbidden');
    await expectProblem(await storage.call(await storage.sign('link'), '/instances', init), 403, 'forbidden');
    expect((await storage.call(await storage.sign('admin'), '/instances', init)).status).toBe(201);
  });

  it('keeps owner routes to the owner scope', async () => {
    await expectProblem(await storage.call(await storage.sign('admin'), '/instance'), 403, 'forbidden');
    await expectProblem(await storage.call(await storage.sign('link'), '/files/root'), 403, 'forbidden');
  });

  it('keeps its cache of verified tokens bounded', async () => {
    const verifier = new InternalTokenVerifier(storage.config.internalTokenSecret, 3);
    for (let i = 0; i < 10; i++) {
      expect(await verifier.verify(await storage.sign('admin', { expiresIn: 60 + i }))).toMatchObject({ scope: 'admin' });
    }
    expect(verifier.cacheSize).toBe(3);
  });
});
