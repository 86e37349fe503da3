import { createHash, randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileDoc } from '@mytoutatice/contract';
import { uploadFile } from './upload.ts';
import { ON_S3 } from '../../test/harness/test-database.ts';
import {
  blobKeys,
  digestOf,
  eventually,
  filesUnder,
  startStorage,
  type StorageHarness,
  type TestInstance,
} from '../../test/harness/storage-harness.ts';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe(uploadFile.name, () => {
  let storage: StorageHarness;
  let alice: TestInstance;
  beforeAll(async () => {
    storage = await startStorage({ maxFileBytes: 80 * 1024 * 1024, defaultQuotaBytes: 200 * 1024 * 1024 });
    alice = await storage.createInstance('alice');
  });
  afterAll(() => storage.close());

  const instanceDir = () => join(storage.config.dataDir, 'instances', alice.id);

  function upload(name: string, body: BodyInit, init: { query?: string; headers?: Record<string, string>; parent?: string } = {}) {
    const query = `name=${encodeURIComponent(name)}${init.query ?? ''}`;
    return storage.call(alice.token, `/files/${init.parent ?? 'root'}/files?${query}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', ...init.headers },
      body,
      duplex: 'half',
    } as RequestInit);
  }

  async function childNames(folderId = 'root'): Promise<string[]> {
    const listing = await (await storage.call(alice.token, `/files/${folderId}/children?limit=1000`)).json();
    return listing.items.map((item: FileDoc) => item.name);
  }

  it('stores a file checked against its digest and serves it back byte for byte', async () => {
    const bytes = randomBytes(100_000);
    const response = await upload('données.bin', bytes, { headers: { 'content-digest': digestOf(bytes) } });
    expect(response.status).toBe(201);
    const file = FileDoc.parse(await response.json());
    expect(file).toMatchObject({
      type: 'file',
      name: 'données.bin',
      parentId: 'root',
      size: bytes.length,
      mime: 'application/octet-stream',
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });

    const content = await storage.call(alice.token, `/files/${file.id}/content`);
    expect(content.status).toBe(200);
    expect(Buffer.from(await content.arrayBuffer()).equals(bytes)).toBe(true);
    expect(content.headers.get('content-length')).toBe(String(bytes.length));
    expect(content.headers.get('etag')).toBe(`"${file.sha256}"`);
    expect(content.headers.get('x-content-type-options')).toBe('nosniff');
    expect(content.headers.get('content-security-policy')).toBe('sandbox');
    expect(content.headers.get('cache-control')).toBe('private, no-cache');
    expect(content.headers.get('content-disposition')).toBe(
      `attachment; filename="donnees.bin"; filename*=UTF-8''donn%C3%A9es.bin`,
    );
  });

  it('refuses content that does not match its digest, leaving no row, no blob, no temp file', async () => {
    const bytes = Buffer.from('le vrai contenu');
    const response = await upload('altéré.txt', bytes, { headers: { 'content-digest': digestOf(Buffer.from('un autre')) } });
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await response.json()).code).toBe('hash_mismatch');
    expect(await childNames()).not.toContain('altéré.txt');
    expect(await filesUnder(join(instanceDir(), 'tmp'))).toEqual([]);
    const blobs = await blobKeys(storage, alice.id);
    const rows = (await (await storage.call(alice.token, '/files/root/children')).json()).items.filter(
      (item: FileDoc) => item.type === 'file',
    );
    expect(blobs).toHaveLength(rows.length);
  });

  it.each(['md5=:AAAA:', 'sha-256=abc', 'sha-256=:!!!!:', 'sha-256=:AAAA:', 'sha-512=:AAAA:'])(
    'answers 400 invalid_digest to the header %j',
    async (header) => {
      const response = await upload('digest.txt', 'x', { headers: { 'content-digest': header } });
      expect(response.status).toBe(400);
      expect((await response.json()).code).toBe('invalid_digest');
    },
  );

  it('answers 409 name_conflict with a suggestion, or renames on conflict=rename', async () => {
    expect((await upload('rapport.pdf', 'v1')).status).toBe(201);
    const clash = await upload('rapport.pdf', 'v2');
    expect(clash.status).toBe(409);
    expect(await clash.json()).toMatchObject({ code: 'name_conflict', suggestedName: 'rapport (2).pdf' });

    const renamed = await upload('rapport.pdf', 'v2', { query: '&conflict=rename' });
    expect(renamed.status).toBe(201);
    expect((await renamed.json()).name).toBe('rapport (2).pdf');
    const again = await upload('rapport.pdf', 'v3', { query: '&conflict=rename' });
    expect((await again.json()).name).toBe('rapport (3).pdf');

    const bad = await upload('rapport.pdf', 'v4', { query: '&conflict=overwrite' });
    expect(bad.status).toBe(400);
  });

  it('refuses invalid names with 400 invalid_name', async () => {
    for (const name of ['..', 'a/b', 'x\u0000y', '\u202Egpj.exe', 'x'.repeat(256), '']) {
      const response = await upload(name, 'contenu');
      expect(response.status).toBe(400);
      expect((await response.json()).code).toBe('invalid_name');
    }
    const missing = await storage.call(alice.token, '/files/root/files', { method: 'POST', body: 'x' });
    expect(await missing.json()).toMatchObject({ code: 'bad_request', detail: 'Le paramètre « name » est requis.' });
  });

  it('sniffs the type from the content, never from the client', async () => {
    const png = await (await upload('photo.txt', PNG, { headers: { 'content-type': 'text/plain' } })).json();
    expect(png.mime).toBe('image/png');
    const text = await (await upload('notes.md', '# Titre\n', { headers: { 'content-type': 'image/png' } })).json();
    expect(text.mime).toBe('text/markdown');
    const binaryNamedText = await (await upload('faux.txt', Buffer.from([0, 1, 2, 3, 0xff]))).json();
    expect(binaryNamedText.mime).toBe('application/octet-stream');
  });

  it('serves active types (HTML, SVG) as bytes to download', async () => {
    const page = FileDoc.parse(await (await upload('page.html', '<script>alert(1)</script>')).json());
    expect(page.mime).toBe('text/html');
    const svg = FileDoc.parse(await (await upload('dessin.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>')).json());
    for (const file of [page, svg]) {
      const response = await storage.call(alice.token, `/files/${file.id}/content`);
      expect(response.headers.get('content-type')).toBe('application/octet-stream');
      expect(response.headers.get('content-disposition')).toMatch(/^attachment;/);
    }
  });

  it('answers 400 not_a_folder when uploading into a file, 404 into an unknown folder', async () => {
    const file = FileDoc.parse(await (await upload('simple.txt', 'a')).json());
    const intoFile = await upload('b.txt', 'b', { parent: file.id });
    expect(intoFile.status).toBe(400);
    expect((await intoFile.json()).code).toBe('not_a_folder');
    expect((await upload('b.txt', 'b', { parent: crypto.randomUUID() })).status).toBe(404);
  });

  it('streams a 50 MB upload to disk and back', async () => {
    const chunk = randomBytes(1024 * 1024);
    const expected = createHash('sha256');
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 50) {
          controller.close();
          return;
        }
        chunk[0] = sent;
        expected.update(chunk);
        controller.enqueue(new Uint8Array(chunk));
        sent++;
      },
    });
    const response = await upload('gros.bin', body);
    expect(response.status).toBe(201);
    const file = FileDoc.parse(await response.json());
    expect(file.size).toBe(50 * 1024 * 1024);
    expect(file.sha256).toBe(expected.digest('hex'));

    const content = await storage.call(alice.token, `/files/${file.id}/content`);
    const received = createHash('sha256');
    for await (const part of content.body as unknown as AsyncIterable<Uint8Array>) received.update(part);
    expect(received.digest('hex')).toBe(file.sha256);
  });

  it('leaves nothing behind when the client disconnects mid-upload', async () => {
    const before = await childNames();
    const url = new URL(`${storage.url}/files/root/files?name=coupe.bin`);
    const req = request(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${alice.token}`, 'content-length': String(10 * 1024 * 1024) },
    });
    req.on('error', () => {});
    const blobsBefore = await blobKeys(storage, alice.id);
    req.write(randomBytes(1024 * 1024));
    // On disk the upload shows as a temp file (on S3 as a multipart upload, checked in blobs/).
    if (!ON_S3) await eventually(async () => (await filesUnder(join(instanceDir(), 'tmp'))).length === 1);
    req.destroy();
    await eventually(async () => (await filesUnder(join(instanceDir(), 'tmp'))).length === 0);
    await eventually(async () => (await blobKeys(storage, alice.id)).length === blobsBefore.length);
    expect(await childNames()).toEqual(before);
  });
});

describe(`${uploadFile.name} limits`, () => {
  let storage: StorageHarness;
  let bob: TestInstance;
  beforeAll(async () => {
    storage = await startStorage({ maxFileBytes: 1000, defaultQuotaBytes: 2500 });
    bob = await storage.createInstance('bob');
  });
  afterAll(() => storage.close());

  function upload(name: string, body: BodyInit) {
    return storage.call(bob.token, `/files/root/files?name=${name}`, { method: 'POST', body, duplex: 'half' } as RequestInit);
  }

  function streamOf(size: number): ReadableStream<Uint8Array> {
    return new ReadableStream({
      start(controller) {
        controller.enqueue(new Uint8Array(size));
        controller.close();
      },
    });
  }

  it('answers 413 payload_too_large past MAX_FILE_BYTES, announced or not', async () => {
    for (const body of [new Uint8Array(1001), streamOf(1001)]) {
      const response = await upload('gros.bin', body);
      expect(response.status).toBe(413);
      expect((await response.json()).code).toBe('payload_too_large');
    }
    expect(await filesUnder(join(storage.config.dataDir, 'instances', bob.id, 'tmp'))).toEqual([]);
  });

  it('answers 413 quota_exceeded past the quota, announced or not', async () => {
    expect((await upload('a.bin', new Uint8Array(1000))).status).toBe(201);
    expect((await upload('b.bin', new Uint8Array(1000))).status).toBe(201);
    for (const body of [new Uint8Array(600), streamOf(600)]) {
      const response = await upload('c.bin', body);
      expect(response.status).toBe(413);
      expect((await response.json()).code).toBe('quota_exceeded');
    }
    expect((await upload('d.bin', new Uint8Array(500))).status).toBe(201);
    const info = await (await storage.call(bob.token, '/instance')).json();
    expect(info).toMatchObject({ quotaBytes: 2500, usedBytes: 2500 });
  });
});
