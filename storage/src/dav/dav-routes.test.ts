import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileCalls, type FileCalls } from '../../test/files/test-calls.ts';
import { seedFiles } from '../../test/harness/seed-files.ts';
import { startStorage, type StorageHarness, type TestInstance } from '../../test/harness/storage-harness.ts';
import { davRoutes } from './dav-routes.ts';

const PROPFIND_ALL = '<?xml version="1.0"?><D:propfind xmlns:D="DAV:"><D:allprop/></D:propfind>';

describe(davRoutes.name, () => {
  let storage: StorageHarness;
  let alice: TestInstance;
  let device: string;
  let api: FileCalls;
  beforeAll(async () => {
    storage = await startStorage({ defaultQuotaBytes: 100_000 });
    alice = await storage.createInstance('alice');
    device = await storage.sign('device', { sub: alice.id, expiresIn: 3600 });
    api = fileCalls(storage, alice.token);
  });
  afterAll(() => storage.close());

  const dav = (method: string, path: string, init: { headers?: Record<string, string>; body?: string } = {}) =>
    storage.call(device, `/dav/files${path}`, { method, ...init });
  const hrefs = (xml: string) => [...xml.matchAll(/<D:href>([^<]*)<\/D:href>/g)].map((match) => decodeURIComponent(match[1] ?? ''));

  it('lists a folder of 2,500 files in one Depth 1 answer, each once, in name order', async () => {
    // A space of its own: seeding writes its database from another connection.
    const bob = await storage.createInstance('bob');
    const folder = await fileCalls(storage, bob.token).folder('root', 'Grand dossier');
    const names = Array.from({ length: 2500 }, (_, i) => `fichier ${String(i).padStart(4, '0')}.txt`);
    await seedFiles(storage.config.dataDir, bob.id, folder.id, names.map((name) => ({ name, content: Buffer.from(name) })), {
      ...(storage.config.metadata ? { metadata: storage.config.metadata } : {}),
    });
    const token = await storage.sign('device', { sub: bob.id, expiresIn: 3600 });
    const response = await storage.call(token, '/dav/files/Grand%20dossier/', { method: 'PROPFIND', headers: { depth: '1' }, body: PROPFIND_ALL });
    expect(response.status).toBe(207);
    const listed = hrefs(await response.text());
    expect(listed[0]).toBe('/dav/files/Grand dossier/');
    expect(listed.slice(1)).toEqual(names.map((name) => `/dav/files/Grand dossier/${name}`));
  });

  it('answers a file’s live properties (the content’s SHA-256 as ETag, size, type), ranges of it, and the quota on folders', async () => {
    expect((await dav('PUT', '/note.txt', { body: 'bonjour' })).status).toBe(201);
    const file = await dav('PROPFIND', '/note.txt', { headers: { depth: '0' } });
    const xml = await file.text();
    expect(xml).toContain(`<D:getetag>"${createHash('sha256').update('bonjour').digest('hex')}"</D:getetag>`);
    expect(xml).toContain('<D:getcontentlength>7</D:getcontentlength>');
    const part = await dav('GET', '/note.txt', { headers: { range: 'bytes=1-3' } });
    expect(part.status).toBe(206);
    expect(await part.text()).toBe('onj');
    expect(xml).toContain('<D:getcontenttype>text/plain</D:getcontenttype>');
    const quota = await dav('PROPFIND', '/', {
      headers: { depth: '0' },
      body: '<D:propfind xmlns:D="DAV:"><D:prop><D:quota-used-bytes/><D:quota-available-bytes/></D:prop></D:propfind>',
    });
    const used = Number(/<D:quota-used-bytes>(\d+)</.exec(await quota.clone().text())?.[1]);
    expect(used).toBeGreaterThanOrEqual(7);
    expect(await quota.text()).toContain(`<D:quota-available-bytes>${100_000 - used}</D:quota-available-bytes>`);
  });

  it('puts what DELETE removes in the trash, and keeps the previous content of a PUT as a version', async () => {
    expect((await dav('PUT', '/rapport.txt', { body: 'v1' })).status).toBe(201);
    expect((await dav('PUT', '/rapport.txt', { body: 'v2' })).status).toBe(204);
    const file = (await api.list('root')).items.find((item) => item.name === 'rapport.txt');
    const versions = await (await api.call(`/files/${file?.id ?? ''}/versions`)).json();
    expect(versions.items).toHaveLength(1);
    expect(await (await dav('GET', '/rapport.txt')).text()).toBe('v2');

    expect((await dav('DELETE', '/rapport.txt')).status).toBe(204);
    expect((await dav('GET', '/rapport.txt')).status).toBe(404);
    expect((await api.trashed()).items.map((item) => item.name)).toContain('rapport.txt');
  });

  it('keeps PROPPATCH’s dead properties with the item through a MOVE and a COPY, and refuses to set live ones', async () => {
    await dav('PUT', '/tagged.txt', { body: 'x' });
    const set = await dav('PROPPATCH', '/tagged.txt', {
      body: '<D:propertyupdate xmlns:D="DAV:" xmlns:Z="urn:z"><D:set><D:prop><Z:couleur>bleu <Z:b>vif</Z:b></Z:couleur></D:prop></D:set></D:propertyupdate>',
    });
    expect(set.status).toBe(207);
    expect(await set.text()).toContain('HTTP/1.1 200 OK');
    expect((await dav('MOVE', '/tagged.txt', { headers: { destination: '/dav/files/moved.txt' } })).status).toBe(201);
    const read = await dav('PROPFIND', '/moved.txt', {
      headers: { depth: '0' },
      body: '<D:propfind xmlns:D="DAV:"><D:prop><couleur xmlns="urn:z"/></D:prop></D:propfind>',
    });
    expect(await read.text()).toContain('<couleur xmlns="urn:z">bleu <b xmlns="urn:z">vif</b></couleur>');

    // A COPY keeps them, on the copied folder's items too.
    await dav('MKCOL', '/classeur');
    expect((await dav('MOVE', '/moved.txt', { headers: { destination: '/dav/files/classeur/moved.txt' } })).status).toBe(201);
    expect((await dav('COPY', '/classeur/', { headers: { destination: '/dav/files/classeur%202/' } })).status).toBe(201);
    const copied = await dav('PROPFIND', '/classeur%202/', { headers: { depth: '1' } });
    expect(await copied.text()).toContain('<couleur xmlns="urn:z">bleu <b xmlns="urn:z">vif</b></couleur>');
    // Depth 0 copies the folder alone, with its own properties.
    await dav('PROPPATCH', '/classeur/', {
      body: '<D:propertyupdate xmlns:D="DAV:" xmlns:Z="urn:z"><D:set><D:prop><Z:etiquette>rouge</Z:etiquette></D:prop></D:set></D:propertyupdate>',
    });
    expect((await dav('COPY', '/classeur/', { headers: { destination: '/dav/files/vide/', depth: '0' } })).status).toBe(201);
    const bare = await (await dav('PROPFIND', '/vide/', { headers: { depth: '1' } })).text();
    expect(bare).toContain('<etiquette xmlns="urn:z">rouge</etiquette>');
    expect(hrefs(bare)).toEqual(['/dav/files/vide/']);
    const refused = await dav('PROPPATCH', '/classeur/moved.txt', {
      body: '<D:propertyupdate xmlns:D="DAV:"><D:set><D:prop><D:getetag>x</D:getetag></D:prop></D:set></D:propertyupdate>',
    });
    expect(await refused.text()).toContain('HTTP/1.1 403 Forbidden');
  });

  it('refuses bad input with a 4xx problem, never a 500', async () => {
    const cases: [string, string, Record<string, string>, string | undefined, number, string][] = [
      ['PUT', '/fin%20', {}, 'x', 400, 'invalid_name'],
      ['PUT', '/a%00b', {}, 'x', 400, 'invalid_name'],
      ['PUT', '/manque/fichier.txt', {}, 'x', 409, 'missing_parent'],
      ['MKCOL', '/note.txt', {}, undefined, 405, 'method_not_allowed'],
      ['PROPFIND', '/', { depth: 'infinity' }, undefined, 403, 'forbidden'],
      ['PROPFIND', '/', { depth: '0' }, '<D:propfind xmlns:D="DAV:"><D:prop>', 400, 'bad_request'],
      ['PROPFIND', '/%E0%A4%A', { depth: '0' }, undefined, 400, 'bad_request'],
      ['COPY', '/note.txt', { destination: 'http://ailleurs.example/x' }, undefined, 400, 'bad_request'],
      ['MOVE', '/note.txt', {}, undefined, 400, 'bad_request'],
      ['UNLOCK', '/note.txt', { 'lock-token': '<urn:lock:nope>' }, undefined, 409, 'lock_token_mismatch'],
      ['PUT', '/note.txt', { if: '(<urn:lock:x' }, 'x', 400, 'bad_request'],
      ['PUT', '/gros.bin', {}, 'x'.repeat(200_000), 413, 'quota_exceeded'],
      ['PATCH', '/note.txt', {}, 'x', 405, 'method_not_allowed'],
    ];
    for (const [method, path, headers, body, status, code] of cases) {
      const response = await dav(method, path, { headers, ...(body === undefined ? {} : { body }) });
      expect({ method, path, status: response.status }).toEqual({ method, path, status });
      expect(await response.json()).toMatchObject({ code });
    }
  });

  it('opens to owner and device tokens only', async () => {
    const app = await storage.sign('app', { sub: alice.id, app: 'notes', grants: [{ type: 'io.mytoutatice.files', verbs: ['read'] }] });
    expect((await storage.call(app, '/dav/files/', { method: 'PROPFIND', headers: { depth: '0' } })).status).toBe(403);
    expect((await storage.call(alice.token, '/dav/files/', { method: 'PROPFIND', headers: { depth: '0' } })).status).toBe(207);
    expect((await storage.call(undefined, '/dav/files/', { method: 'PROPFIND' })).status).toBe(401);
  });
});
