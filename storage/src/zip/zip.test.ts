import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStorage, type StorageHarness, type TestInstance } from '../../test/harness/storage-harness.ts';
import { unzip } from '../../test/zip/test-unzip.ts';
import { sendZip } from './zip-response.ts';

const json = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe(sendZip.name, () => {
  let s: StorageHarness;
  let a: TestInstance;
  let b: TestInstance;
  const ids: Record<string, string> = {};

  const folder = async (inst: TestInstance, parent: string, name: string) => {
    const res = await s.call(inst.token, `/files/${parent}/folders`, json({ name }));
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };
  const upload = async (inst: TestInstance, parent: string, name: string, body: string | Uint8Array<ArrayBuffer>) => {
    const res = await s.call(inst.token, `/files/${parent}/files?name=${encodeURIComponent(name)}`, { method: 'POST', body });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };
  const zipOf = async (res: Response) => {
    expect(res.status).toBe(200);
    return unzip(Buffer.from(await res.arrayBuffer()));
  };

  beforeAll(async () => {
    s = await startStorage();
    [a, b] = await Promise.all([s.createInstance(), s.createInstance()]);
    ids.classe = await folder(a, 'root', 'Classe de 6e');
    ids.eleves = await folder(a, ids.classe, 'Élèves 🎒');
    ids.vide = await folder(a, ids.eleves, 'Vide');
    await folder(a, ids.vide, 'Plus vide encore');
    ids.notes = await upload(a, ids.eleves, 'Notes d’été ☀️.txt', 'Très bien 👍');
    ids.empty = await upload(a, ids.classe, 'vide.txt', '');
    ids.photo = await upload(a, ids.classe, 'photo.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]));
    ids.jete = await upload(a, ids.classe, 'jeté.txt', 'à la corbeille');
    expect((await s.call(a.token, `/files/${ids.jete}`, { method: 'DELETE' })).status).toBe(200);
    ids.perso = await folder(a, 'root', 'Perso');
    ids.persoNotes = await upload(a, ids.perso, 'Notes d’été ☀️.txt', 'autres notes');
    ids.bFile = await upload(b, 'root', 'secret.txt', 'à B');
  });
  afterAll(() => s.close());

  it('zips a folder with everything below it: paths relative to it, UTF-8 names, empty folders, 0-byte files, no trash', async () => {
    const res = await s.call(a.token, `/files/${ids.classe}/zip`);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="Classe de 6e.zip"; filename*=UTF-8''Classe%20de%206e.zip`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toBe('sandbox');
    const { entries, allUtf8 } = await zipOf(res);
    expect(allUtf8).toBe(true);
    expect([...entries.keys()].sort()).toEqual(
      ['Élèves 🎒/', 'Élèves 🎒/Vide/', 'Élèves 🎒/Vide/Plus vide encore/', 'Élèves 🎒/Notes d’été ☀️.txt', 'vide.txt', 'photo.jpg'].sort(),
    );
    expect(entries.get('Élèves 🎒/Notes d’été ☀️.txt')?.toString()).toBe('Très bien 👍');
    expect(entries.get('vide.txt')?.length).toBe(0);
    expect(entries.get('photo.jpg')).toEqual(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]));
  });

  it('zips the whole space from the root, without the trash', async () => {
    const { entries } = await zipOf(await s.call(a.token, '/files/root/zip'));
    expect([...entries.keys()]).toContain('Classe de 6e/Élèves 🎒/Notes d’été ☀️.txt');
    expect([...entries.keys()]).toContain('Perso/Notes d’été ☀️.txt');
    expect([...entries.keys()].some((name) => name.includes('jeté'))).toBe(false);
  });

  it('zips a selection from several folders, a second same-named item numbered', async () => {
    const res = await s.call(a.token, '/files/zip', json({ ids: [ids.notes, ids.persoNotes, ids.eleves] }));
    expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''S%C3%A9lection.zip`);
    const { entries } = await zipOf(res);
    expect([...entries.keys()].sort()).toEqual(
      ['Notes d’été ☀️.txt', 'Notes d’été ☀️ (2).txt', 'Élèves 🎒/', 'Élèves 🎒/Vide/', 'Élèves 🎒/Vide/Plus vide encore/', 'Élèves 🎒/Notes d’été ☀️.txt'].sort(),
    );
    expect(entries.get('Notes d’été ☀️ (2).txt')?.toString()).toBe('autres notes');
    const named = await s.call(a.token, '/files/zip', json({ ids: [ids.photo], name: 'Sortie scolaire' }));
    expect(named.headers.get('content-disposition')).toContain('filename="Sortie scolaire.zip"');
    expect([...(await zipOf(named)).entries.keys()]).toEqual(['photo.jpg']);
  });

  it('refuses 1001 ids, ids of another instance or unknown, trashed items and files as folders', async () => {
    const many = await s.call(a.token, '/files/zip', json({ ids: Array.from({ length: 1001 }, () => ids.photo) }));
    expect(many.status).toBe(400);
    expect(await many.json()).toMatchObject({ code: 'bad_request' });
    expect((await s.call(a.token, '/files/zip', json({ ids: [ids.photo, ids.bFile] }))).status).toBe(404);
    expect((await s.call(a.token, '/files/zip', json({ ids: ['nulle-part'] }))).status).toBe(404);
    expect((await s.call(a.token, `/files/${ids.bFile}/zip`)).status).toBe(404);
    expect((await s.call(a.token, '/files/zip', json({ ids: [ids.jete] }))).status).toBe(409);
    expect((await s.call(a.token, '/files/trash/zip')).status).toBe(409);
    expect((await s.call(a.token, `/files/${ids.photo}/zip`)).status).toBe(400);
    expect((await s.call(a.token, '/files/zip', json({ ids: [] }))).status).toBe(400);
  });

  it('cuts the download when a content is lost midway, rather than ending a zip that looks whole', async () => {
    const lostDir = await folder(a, 'root', 'Perdu');
    await upload(a, lostDir, 'a.bin', randomBytes(1024 * 1024));
    const lost = await upload(a, lostDir, 'b.bin', randomBytes(1024));
    await s.blobs.remove(a.id, [lost]);
    const res = await s.call(a.token, `/files/${lostDir}/zip`);
    const outcome = res.status === 200 ? await res.arrayBuffer().then(() => 'whole', () => 'cut') : `status ${res.status}`;
    expect(['cut', 'status 500']).toContain(outcome);
  });

  it('streams a 30 MiB file with bounded memory (a reader that stops holds the server back), byte for byte', async () => {
    const big = randomBytes(30 * 1024 * 1024);
    const bigDir = await folder(a, 'root', 'Gros');
    await upload(a, bigDir, 'gros.bin', big);
    const dir = await mkdtemp(join(tmpdir(), 'zip-test-'));
    try {
      setFlagsFromString('--expose-gc');
      (runInNewContext('gc') as () => void)();
      const used = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
      const base = used();
      const res = await s.call(a.token, `/files/${bigDir}/zip`);
      expect(res.status).toBe(200);
      const reader = (res.body as ReadableStream<Uint8Array>).getReader();
      const first = await reader.read();
      await new Promise((resolve) => setTimeout(resolve, 500));
      // Both ends run in this process: the file read whole by the server would show as 30 MiB here.
      const held = used() - base;
      expect(held).toBeLessThan(16 * 1024 * 1024);
      const rest = Readable.fromWeb(new ReadableStream({ pull: async (c) => { const r = await reader.read(); if (r.done) c.close(); else c.enqueue(r.value); } }) as never);
      const out = createWriteStream(join(dir, 'gros.zip'));
      out.write(first.value);
      await pipeline(rest, out);
      const { entries } = await unzip(await readFile(join(dir, 'gros.zip')));
      expect(entries.get('gros.bin')?.equals(big)).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
