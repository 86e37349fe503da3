import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { BLOB_FILE_HEADER, BLOB_OFFLOAD_FILE, BLOB_OFFLOAD_HEADER, BLOB_RANGE_HEADER, FileDoc, PROBLEM_CONTENT_TYPE, Problem } from '@mytoutatice/contract';
import { sendFileContent } from './content-response.ts';
import { blobKeys, startStorage, type StorageHarness, type TestInstance } from '../../test/harness/storage-harness.ts';

describe(sendFileContent.name, () => {
  let storage: StorageHarness;
  let alice: TestInstance;
  let file: FileDoc;
  const text = 'Bonjour, ceci est un texte de trente-neuf octets!';
  beforeAll(async () => {
    storage = await startStorage();
    alice = await storage.createInstance('alice');
    const name = encodeURIComponent('Résumé "final" 100%.txt');
    file = FileDoc.parse(
      await (await storage.call(alice.token, `/files/root/files?name=${name}`, { method: 'POST', body: text })).json(),
    );
  });
  afterAll(() => storage.close());

  const get = (headers: Record<string, string> = {}, method = 'GET') =>
    storage.call(alice.token, `/files/${file.id}/content`, { headers, method });

  it('names the download with an ASCII fallback and the exact UTF-8 name', async () => {
    const response = await get();
    expect(response.headers.get('content-type')).toBe('text/plain');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="Resume _final_ 100_.txt"; filename*=UTF-8''R%C3%A9sum%C3%A9%20%22final%22%20100%25.txt`,
    );
  });

  it('answers 304 when the ETag matches If-None-Match', async () => {
    const etag = `"${file.sha256}"`;
    const response = await get({ 'if-none-match': `"autre", ${etag}` });
    expect(response.status).toBe(304);
    expect(response.headers.get('etag')).toBe(etag);
    expect(await response.text()).toBe('');
    expect((await get({ 'if-none-match': '"autre"' })).status).toBe(200);
  });

  it('serves a single byte range with 206', async () => {
    const response = await get({ range: 'bytes=9-12' });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe(`bytes 9-12/${Buffer.byteLength(text)}`);
    expect(response.headers.get('content-length')).toBe('4');
    expect(await response.text()).toBe(text.slice(9, 13));

    const suffix = await get({ range: 'bytes=-6' });
    expect(await suffix.text()).toBe(text.slice(-6));
  });

  it('answers 416 to a range past the end, and the whole content to a malformed one', async () => {
    const outside = await get({ range: 'bytes=5000-6000' });
    expect(outside.status).toBe(416);
    expect(outside.headers.get('content-range')).toBe(`bytes */${Buffer.byteLength(text)}`);
    expect((await outside.json()).code).toBe('range_not_satisfiable');

    const malformed = await get({ range: 'octets=1-2' });
    expect(malformed.status).toBe(200);
    expect(await malformed.text()).toBe(text);
  });

  it('ignores Range when If-Range names another version', async () => {
    const response = await get({ range: 'bytes=0-3', 'if-range': '"ancienne-version"' });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(text);
  });

  it('answers HEAD with the headers only', async () => {
    const response = await get({}, 'HEAD');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe(String(Buffer.byteLength(text)));
    expect(await response.text()).toBe('');
  });

  it('leaves the bytes to a gateway on the same machine when it asks, deciding status and headers itself', async () => {
    const local = await storage.blobs.localFile(alice.id, (await blobKeys(storage, alice.id))[0] ?? '');
    const response = await get({ [BLOB_OFFLOAD_HEADER]: BLOB_OFFLOAD_FILE, range: 'bytes=9-12' });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe(`bytes 9-12/${Buffer.byteLength(text)}`);
    expect(response.headers.get('content-security-policy')).toBe('sandbox');
    if (local === undefined) {
      // Objects in S3 are not files the gateway could read: the storage sends them as always.
      expect(response.headers.get(BLOB_FILE_HEADER)).toBeNull();
      expect(await response.text()).toBe(text.slice(9, 13));
    } else {
      expect(response.headers.get(BLOB_FILE_HEADER)).toBe(local);
      expect(response.headers.get(BLOB_RANGE_HEADER)).toBe('9-12');
      expect(await response.text()).toBe('');
      expect(readFileSync(local, 'utf8')).toBe(text);
    }
    // Not asked: the bytes, whatever the store.
    const plain = await get({ range: 'bytes=9-12' });
    expect(plain.headers.get(BLOB_FILE_HEADER)).toBeNull();
    expect(await plain.text()).toBe(text.slice(9, 13));
  });

  it('answers 400 not_a_file for a folder', async () => {
    const response = await storage.call(alice.token, '/files/root/content');
    expect(response.status).toBe(400);
    expect((await response.json()).code).toBe('not_a_file');
  });

  it('serves an empty file', async () => {
    const empty = await (await storage.call(alice.token, '/files/root/files?name=vide.txt', { method: 'POST' })).json();
    expect(empty).toMatchObject({ size: 0, mime: 'text/plain' });
    const response = await storage.call(alice.token, `/files/${empty.id}/content`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('answers a file whose content is lost with a whole 500 problem, none of the download headers', async () => {
    const bob = await storage.createInstance('bob');
    const lost = FileDoc.parse(
      await (await storage.call(bob.token, '/files/root/files?name=perdu.txt', { method: 'POST', body: 'x'.repeat(500) })).json(),
    );
    await storage.blobs.remove(bob.id, await blobKeys(storage, bob.id));

    for (const headers of [{}, { [BLOB_OFFLOAD_HEADER]: BLOB_OFFLOAD_FILE }] as Record<string, string>[]) {
      const response = await storage.call(bob.token, `/files/${lost.id}/content`, { headers });
      expect(response.status).toBe(500);
      expect(response.headers.get('content-type')).toBe(PROBLEM_CONTENT_TYPE);
      expect(response.headers.get('content-disposition')).toBeNull();
      expect(response.headers.get('etag')).toBeNull();
      expect(response.headers.get(BLOB_FILE_HEADER)).toBeNull();
      expect(Problem.parse(await response.json()).code).toBe('internal');
    }
  });
});
