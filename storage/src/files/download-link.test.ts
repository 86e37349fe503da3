import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DownloadLink, FileDoc } from '@mytoutatice/contract';
import { DownloadTokens } from '../auth/download-token.ts';
import { createDownloadLink } from './download-link.ts';
import { startStorage, tamperSignature, type StorageHarness, type TestInstance } from '../../test/harness/storage-harness.ts';

describe(createDownloadLink.name, () => {
  let storage: StorageHarness;
  let alice: TestInstance;
  let file: FileDoc;
  let link: DownloadLink;
  let linkToken: string;
  beforeAll(async () => {
    storage = await startStorage();
    alice = await storage.createInstance('alice');
    file = FileDoc.parse(
      await (await storage.call(alice.token, '/files/root/files?name=bulletin%20n%C2%B01.pdf', { method: 'POST', body: '%PDF-1.4 fake' })).json(),
    );
    link = DownloadLink.parse(await (await storage.call(alice.token, `/files/${file.id}/download-link`, { method: 'POST' })).json());
    linkToken = await storage.sign('link');
  });
  afterAll(() => storage.close());

  /** What the gateway does: strip `/api` and call with a link-scope token. */
  const follow = (url: string, token = linkToken) => storage.call(token, url.replace(/^\/api/, ''));

  it('gives a short-lived URL under /api/files/downloads/ ending with the file name', () => {
    expect(link.url).toMatch(/^\/api\/files\/downloads\/[A-Za-z0-9_.-]+\/bulletin%20n%C2%B01\.pdf$/);
    const lifetime = Date.parse(link.expiresAt) - Date.now();
    expect(lifetime).toBeGreaterThan(4 * 60 * 1000);
    expect(lifetime).toBeLessThanOrEqual(5 * 60 * 1000);
  });

  it('serves the file to a link-scope call, without the owner token', async () => {
    const response = await follow(link.url);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('%PDF-1.4 fake');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(response.headers.get('etag')).toBe(`"${file.sha256}"`);
  });

  it('answers 401 invalid_token to a tampered or expired link', async () => {
    const [, , token = '', name = ''] = link.url.split('/').slice(2);
    const [header, payload = '', signature = ''] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forgedPayload = Buffer.from(JSON.stringify({ ...claims, fid: 'root' })).toString('base64url');
    const tampered = [
      `${header}.${forgedPayload}.${signature}`,
      tamperSignature(token),
      'pas-un-jeton',
    ];
    const expired = await new DownloadTokens(storage.config.internalTokenSecret).sign(
      { instanceId: alice.id, fileId: file.id },
      new Date(Date.now() - 10 * 60 * 1000),
    );
    for (const bad of [...tampered, expired.token]) {
      const response = await follow(`/api/files/downloads/${bad}/${name}`);
      expect(response.status).toBe(401);
      expect((await response.json()).code).toBe('invalid_token');
    }
  });

  it('is not an owner route, and owner routes are not link routes', async () => {
    expect((await follow(link.url, alice.token)).status).toBe(403);
    expect((await storage.call(linkToken, `/files/${file.id}/content`)).status).toBe(403);
  });

  it('answers 400 not_a_file for a folder, 404 for an unknown file', async () => {
    const folder = await storage.call(alice.token, '/files/root/download-link', { method: 'POST' });
    expect((await folder.json()).code).toBe('not_a_file');
    const unknown = await storage.call(alice.token, `/files/${crypto.randomUUID()}/download-link`, { method: 'POST' });
    expect(unknown.status).toBe(404);
  });
});
