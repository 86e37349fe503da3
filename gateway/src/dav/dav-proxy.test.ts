import { BLOB_FILE_HEADER, BLOB_OFFLOAD_FILE, BLOB_OFFLOAD_HEADER } from '@mytoutatice/contract';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { basicAuth, davSpace, type DavSpace } from '../../test/dav-space.ts';
import { startGateway, type GatewayHarness } from '../../test/gateway-harness.ts';
import { VERIFIED_FOR_MS } from './app-password-check.ts';

let gw: GatewayHarness;
let eleve: DavSpace;
let teacher: DavSpace;
beforeAll(async () => {
  gw = await startGateway();
  eleve = await davSpace(gw, 'eleve');
  teacher = await davSpace(gw, 'enseignant');
});
afterAll(() => gw.close());
afterEach(() => {
  vi.useRealTimers();
});

const propfind = (authorization: string | undefined, path = '/dav/files/') =>
  fetch(`${gw.url}${path}`, { method: 'PROPFIND', headers: { depth: '0', ...(authorization ? { authorization } : {}) } });

describe('Basic auth with device app passwords at /dav/files', () => {
  it('asks DAV clients for Basic credentials, and opens the space to its slug and one of its app passwords', async () => {
    const anonymous = await propfind(undefined);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Basic realm="MyToutatice", charset="UTF-8"');
    expect(anonymous.headers.get('content-type')).toContain('application/problem+json');

    expect((await propfind(basicAuth(eleve.slug, eleve.password))).status).toBe(207);
    expect((await propfind(basicAuth(eleve.slug.toUpperCase(), eleve.password))).status).toBe(207);
    expect((await propfind(basicAuth(eleve.slug, teacher.password))).status).toBe(401);
    expect((await propfind(basicAuth('personne', eleve.password))).status).toBe(401);
  });

  it('reaches each person’s own files only, and never opens /api', async () => {
    const put = await fetch(`${gw.url}/dav/files/mien.txt`, { method: 'PUT', body: 'à moi', headers: { authorization: basicAuth(eleve.slug, eleve.password) } });
    expect(put.status).toBe(201);
    expect((await propfind(basicAuth(eleve.slug, eleve.password), '/dav/files/mien.txt')).status).toBe(207);
    // Asking the storage for a file's path on disk is the gateway's own business, never a client's.
    const got = await fetch(`${gw.url}/dav/files/mien.txt`, { headers: { authorization: basicAuth(eleve.slug, eleve.password), [BLOB_OFFLOAD_HEADER]: BLOB_OFFLOAD_FILE } });
    expect(await got.text()).toBe('à moi');
    expect(got.headers.get(BLOB_FILE_HEADER)).toBeNull();
    expect((await propfind(basicAuth(teacher.slug, teacher.password), '/dav/files/mien.txt')).status).toBe(404);
    const api = await fetch(`${gw.url}/api/files/root/children`, { headers: { authorization: basicAuth(eleve.slug, eleve.password) } });
    expect(api.status).toBe(401);
  });

  it('stops accepting a revoked password within seconds', async () => {
    const password = await gw.storage.createAppPassword(eleve.slug, 'téléphone');
    expect((await propfind(basicAuth(eleve.slug, password))).status).toBe(207);
    const listed = (await (await gw.call(eleve.accessToken, '/api/instance/app-passwords')).json()) as { items: { id: string; label: string }[] };
    const phone = listed.items.find((item) => item.label === 'téléphone');
    expect((await gw.call(eleve.accessToken, `/api/instance/app-passwords/${phone?.id ?? ''}`, { method: 'DELETE' })).status).toBe(204);
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + VERIFIED_FOR_MS + 1 });
    expect((await propfind(basicAuth(eleve.slug, password))).status).toBe(401);
    expect((await propfind(basicAuth(eleve.slug, eleve.password))).status).toBe(207);
  });

  it('answers repeated wrong passwords with 429 and Retry-After, without locking out others behind the same address', async () => {
    const guesser = await davSpace(gw, 'agent');
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await propfind(basicAuth(guesser.slug, `essai-${i}`))).status);
    expect(statuses.slice(0, 6)).toEqual([401, 401, 401, 401, 401, 401]);
    expect(statuses[6]).toBe(429);
    const throttled = await propfind(basicAuth(guesser.slug, guesser.password));
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
    // Same client address (this test's), other accounts, right passwords.
    expect((await propfind(basicAuth(eleve.slug, eleve.password))).status).toBe(207);
    expect((await propfind(basicAuth(teacher.slug, teacher.password))).status).toBe(207);
  });
});
