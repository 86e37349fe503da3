import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importJWK, SignJWT, decodeJwt } from 'jose';
import { tamperSignature } from '@mytoutatice/storage/testing';
import { createGateway } from './app.ts';
import { readConfig } from './config/config.ts';
import { openGatewayState } from './state/gateway-state.ts';
import { configEnv, startGateway } from '../test/gateway-harness.ts';
import { startLocalIssuer } from '../test/local-issuer.ts';
import type { LocalIssuer } from '../test/local-issuer.ts';
import { accessTokens, idTokens } from '../test/provider-token-shapes.ts';
import type { GatewayHarness } from '../test/gateway-harness.ts';

let gw: GatewayHarness;
beforeAll(async () => {
  gw = await startGateway();
});
afterAll(async () => {
  await gw.close();
});

async function expectProblem(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  const body = (await res.json()) as { code: string; status: number; title: string };
  expect(body).toMatchObject({ code, status });
  expect(body.title).toBeTruthy();
  return body;
}

/** A token signed with the ENT's own key, with the claims changed: what an attacker cannot make. */
async function forge(claims: Record<string, unknown>, header: Record<string, unknown> = {}) {
  const keys = JSON.parse(readFileSync(gw.ent.keysFile, 'utf8')) as { jwks: { keys: Record<string, string>[] } };
  const jwk = keys.jwks.keys[0] as Record<string, string>;
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ sub: 'forged', preferred_username: 'forged', ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: jwk.kid as string, typ: 'at+jwt', ...header })
    .setIssuer(String(claims.iss ?? gw.ent.issuer))
    .setAudience(String(claims.aud ?? 'mytoutatice'))
    .setIssuedAt(now - 60)
    .setExpirationTime(Number(claims.exp ?? now + 300))
    .sign(await importJWK(jwk, 'RS256'));
}

describe('gateway token checks', () => {
  it('answers 401 problem+json without a token, with a tampered, expired or wrong-audience token, or an id_token', async () => {
    const res = await gw.call(undefined, '/gateway/me');
    await expectProblem(res, 401, 'unauthenticated');
    expect(res.headers.get('www-authenticate')).toBe('Bearer');

    const { access_token, id_token } = await gw.tokenFor('eleve');
    const [h, p, s] = access_token.split('.') as [string, string, string];
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...decodeJwt(access_token), sub: 'someone-else' })).toString('base64url')}.${s}`;
    expect(p).not.toBe(tampered.split('.')[1]);
    await expectProblem(await gw.call(tampered, '/gateway/me'), 401, 'invalid_token');
    const refused = await expectProblem(await gw.call(tamperSignature(access_token), '/gateway/me'), 401, 'invalid_token');
    // The person learns their session is not valid; the library's error code stays in the server's log.
    expect(refused).toMatchObject({ detail: 'Votre session n’est pas valide : reconnectez-vous.' });
    expect(JSON.stringify(refused)).not.toMatch(/ERR_/);

    const now = Math.floor(Date.now() / 1000);
    await expectProblem(await gw.call(await forge({ exp: now - 120 }), '/gateway/me'), 401, 'invalid_token');
    await expectProblem(await gw.call(await forge({ aud: 'another-client' }), '/gateway/me'), 401, 'invalid_token');
    await expectProblem(await gw.call(await forge({ iss: 'http://evil.example' }), '/gateway/me'), 401, 'invalid_token');
    await expectProblem(await gw.call(id_token, '/gateway/me'), 401, 'invalid_token');
    await expectProblem(await gw.call('not-a-jwt', '/api/files/root'), 401, 'invalid_token');
    // The forging helper itself makes tokens the gateway accepts: the refusals above are real.
    expect((await gw.call(await forge({}), '/gateway/me')).status).toBe(200);
  });

  it('takes the Bearer scheme in any case, on its own routes and on the API', async () => {
    const { access_token } = await gw.tokenFor('agent');
    for (const scheme of ['bearer', 'BEARER', 'Bearer']) {
      const headers = { authorization: `${scheme} ${access_token}` };
      expect((await gw.call(undefined, '/gateway/me', { headers })).status).toBe(200);
      // Past authentication: the API's own answer for a person without a space.
      await expectProblem(await gw.call(undefined, '/api/files/root', { headers }), 403, 'no_space');
    }
  });
});

describe('gateway behind another OIDC provider', () => {
  let op: LocalIssuer;
  let other: GatewayHarness;
  beforeAll(async () => {
    op = await startLocalIssuer();
    other = await startGateway({ OIDC_ISSUER: op.issuer });
  });
  afterAll(async () => {
    await other.close();
    await op.close();
  });

  it('opens the session and the API to a LemonLDAP::NG access token (typ JWT), never to its id_token', async () => {
    const token = await op.sign(accessTokens.lemonldap.claims, { typ: accessTokens.lemonldap.typ });
    const me = await other.call(token, '/gateway/me');
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ space: null, proposedSlug: 'eleve', user: { sub: 'u-1042', name: 'Élise Lève', profile: 'pupil' } });
    const created = await other.call(token, '/gateway/onboarding', {
      method: 'POST',
      body: JSON.stringify({ email: 'eleve@exemple.fr', acceptCgu: true }),
      headers: { 'content-type': 'application/json' },
    });
    expect(created.status).toBe(201);
    expect((await other.call(token, '/api/files/root')).status).toBe(200);

    const idToken = await op.sign(idTokens.lemonldap.claims, { typ: idTokens.lemonldap.typ });
    await expectProblem(await other.call(idToken, '/gateway/me'), 401, 'invalid_token');
    await expectProblem(await other.call(idToken, '/api/files/root'), 401, 'invalid_token');
  });
});

describe('onboarding through the gateway', () => {
  it('refuses bad input, creates one space per person, then proxies the API to it', async () => {
    const { access_token: pupil } = await gw.tokenFor('eleve');
    const me = (await (await gw.call(pupil, '/gateway/me')).json()) as { space: unknown; proposedSlug: string; user: { profile: string } };
    expect(me).toMatchObject({ space: null, proposedSlug: 'eleve', user: { profile: 'pupil' } });
    await expectProblem(await gw.call(pupil, '/api/files/root'), 403, 'no_space');

    const post = (token: string, body: unknown) =>
      gw.call(token, '/gateway/onboarding', { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
    await expectProblem(await post(pupil, { email: 'pas un email', acceptCgu: true }), 400, 'invalid_email');
    await expectProblem(await post(pupil, { email: 'jordan@exemple.fr', acceptCgu: false }), 400, 'cgu_not_accepted');
    await expectProblem(await post(pupil, { acceptCgu: true }), 400, 'bad_request');
    await expectProblem(
      await gw.call(pupil, '/gateway/onboarding', { method: 'POST', body: '{"email":', headers: { 'content-type': 'application/json' } }),
      400,
      'bad_request',
    );

    const [first, second] = await Promise.all([
      post(pupil, { email: 'jordan@exemple.fr', acceptCgu: true }),
      post(pupil, { email: 'jordan@exemple.fr', acceptCgu: true }),
    ]);
    expect([first.status, second.status].sort()).toEqual([201, 201].sort());
    expect(await first.json()).toEqual(await second.json());
    await expectProblem(await post(pupil, { email: 'jordan@exemple.fr', acceptCgu: true }), 409, 'space_exists');
    const created = (await (await gw.call(pupil, '/gateway/me')).json()) as { space: { slug: string; email: string; address: string } };
    expect(created.space).toMatchObject({ slug: 'eleve', email: 'jordan@exemple.fr', address: 'eleve.mytoutatice.cloud' });

    // `/api` is stripped on the way: the root folder of the storage backend answers.
    const root = await gw.call(pupil, '/api/files/root');
    expect(root.status).toBe(200);
    expect(await root.json()).toMatchObject({ id: 'root', type: 'directory' });
    await expectProblem(await gw.call(pupil, '/api/no/such/route'), 404, 'not_found');

    const { access_token: teacher } = await gw.tokenFor('enseignant');
    await expectProblem(await post(teacher, { email: 'autre@exemple.fr', acceptCgu: true }), 400, 'email_locked');
    expect((await post(teacher, { email: 'annabel.bourde@ac-rennes.fr', acceptCgu: true })).status).toBe(201);
  });

  it('rejects an upload whose content does not match its hash and keeps nothing of it', async () => {
    const { access_token } = await gw.tokenFor('eleve');
    const body = Buffer.from('contenu du devoir');
    const wrong = createHash('sha256').update('autre chose').digest('base64');
    const res = await gw.call(access_token, '/api/files/root/files?name=devoir.txt', {
      method: 'POST',
      body,
      headers: { 'content-type': 'text/plain', 'content-digest': `sha-256=:${wrong}:` },
    });
    await expectProblem(res, 422, 'hash_mismatch');
    const listing = (await (await gw.call(access_token, '/api/files/root/children')).json()) as { items: { name: string }[] };
    expect(listing.items.map((i) => i.name)).not.toContain('devoir.txt');
  });
});

describe('gateway streaming', () => {
  it('streams a large upload to storage and back through a tokenless download link, byte-identical', async () => {
    const { access_token } = await gw.tokenFor('eleve');
    const body = Buffer.alloc(24 * 1024 * 1024);
    for (let i = 0; i < body.length; i += 4096) body.writeUInt32BE(i, i);
    const digest = createHash('sha256').update(body).digest('base64');
    const up = await gw.call(access_token, `/api/files/root/files?name=${encodeURIComponent('vidéo de classe.bin')}`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/octet-stream', 'content-digest': `sha-256=:${digest}:` },
    });
    expect(up.status).toBe(201);
    const file = (await up.json()) as { id: string; size: number };
    expect(file.size).toBe(body.length);
    const link = (await (await gw.call(access_token, `/api/files/${file.id}/download-link`, { method: 'POST' })).json()) as { url: string };
    expect(link.url).toMatch(/^\/api\/files\/downloads\//);
    // A plain link: no Authorization header at all.
    const down = await fetch(`${gw.url}${link.url}`);
    expect(down.status).toBe(200);
    expect(down.headers.get('content-disposition')).toContain("filename*=UTF-8''vid%C3%A9o%20de%20classe.bin");
    expect(Buffer.from(await down.arrayBuffer()).equals(body)).toBe(true);
    await expectProblem(await fetch(`${gw.url}${link.url.replace(/downloads\/./, 'downloads/x')}`), 401, 'invalid_token');
  });
});

describe('gateway pages and edges', () => {
  it('serves the Home page with a CSP that allows only its import map inline, and framing by the ENT', async () => {
    const res = await fetch(`${gw.url}/notes/some/inner/route`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const csp = res.headers.get('content-security-policy') ?? '';
    const importMap = /<script type="importmap">(.*?)<\/script>/.exec(html)?.[1] ?? '';
    expect(csp).toContain(`'sha256-${createHash('sha256').update(importMap).digest('base64')}'`);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain(`frame-ancestors 'self' ${new URL(gw.ent.issuer).origin}`);
    expect(res.headers.get('x-frame-options')).toBeNull();
    expect(html).toContain('"/apps/notes/notes-MnOp3456.js"');
    // The Home's icon: named by the page, served by the gateway, and allowed by the CSP (img-src 'self').
    expect(html).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml">');
    expect(csp).toMatch(/img-src 'self'/);
    // A note's images are fetched with the bearer token and shown from object URLs.
    expect(csp).toMatch(/img-src [^;]*blob:/);
    const icon = await fetch(`${gw.url}/favicon.svg`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toBe('image/svg+xml');
  });

  it('serves hashed bundles compressed and cached forever, manifests revalidated', async () => {
    const js = await fetch(`${gw.url}/shared/react-AbCd1234.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(js.headers.get('content-encoding')).toBe('gzip');
    expect(await js.text()).toContain("export const version = '19'");
    const etag = js.headers.get('etag') ?? '';
    expect((await fetch(`${gw.url}/shared/react-AbCd1234.js`, { headers: { 'if-none-match': etag } })).status).toBe(304);
    const manifest = await fetch(`${gw.url}/apps/notes/manifest.json`);
    expect(manifest.headers.get('cache-control')).toBe('no-cache');
  });

  it('serves the Home’s service worker at the root, checked again on every visit, and the CSP lets only our origin run workers', async () => {
    const res = await fetch(`${gw.url}/sw.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    // A worker kept in the HTTP cache would keep an old build's caches past a release.
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toContain('addEventListener');
    const page = await fetch(`${gw.url}/`);
    expect(page.headers.get('content-security-policy')).toContain("worker-src 'self';");
  });

  it('answers 404 problem+json for unknown routes, not the Home page', async () => {
    await expectProblem(await fetch(`${gw.url}/nope`), 404, 'not_found');
    await expectProblem(await fetch(`${gw.url}/gateway/nope`, { headers: { authorization: `Bearer ${(await gw.tokenFor('eleve')).access_token}` } }), 404, 'not_found');
    await expectProblem(await fetch(`${gw.url}/apps/notes/missing.js`), 404, 'not_found');
  });
});

describe('gateway upstream failures', () => {
  it('maps a backend that is down to 502 and one that hangs to 504', async () => {
    const hanging = createServer(() => {});
    await new Promise<void>((r) => hanging.listen(0, '127.0.0.1', r));
    const hangingUrl = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}`;
    const { access_token } = await gw.tokenFor('agent');
    const sub = String(decodeJwt(access_token).sub);

    for (const [backend, status, code] of [
      ['http://127.0.0.1:9', 502, 'upstream_unavailable'],
      [hangingUrl, 504, 'upstream_timeout'],
    ] as const) {
      const dataDir = `${gw.config.GATEWAY_DATA_DIR}-${status}`;
      const state = openGatewayState({ GATEWAY_DATA_DIR: dataDir });
      await state.directory.add({ sub, instanceId: 'i-1', slug: 'agent', backendUrl: backend, createdAt: new Date().toISOString() });
      await state.close();
      const gateway = createGateway(readConfig({ ...configEnv(gw.config), GATEWAY_DATA_DIR: dataDir, UPSTREAM_TIMEOUT_MS: '300' }));
      const server = createServer(gateway.handler).listen(0, '127.0.0.1');
      await new Promise((r) => server.once('listening', r));
      const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/files/root`, {
        headers: { authorization: `Bearer ${access_token}` },
      });
      await expectProblem(res, status, code);
      server.closeAllConnections();
      server.close();
      await gateway.close();
    }
    hanging.closeAllConnections();
    hanging.close();
  });
});
