import { createHash, randomBytes } from 'node:crypto';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChangeBatch, FILES_TYPE, FileDoc, FolderListing } from '@mytoutatice/contract';
import { eventually, filesUnder, startStorage, type StorageHarness, type TestInstance } from '../../test/harness/storage-harness.ts';
import { UPLOAD_EXPIRY } from './expired-uploads.ts';
import { REGISTRY_QUEUE } from '../jobs/due-index.ts';
import { settledJob } from '../../test/jobs/settled-job.ts';
import { tusCalls } from '../../test/tus/tus-test-calls.ts';
import { FILE_ID_HEADER, MAX_CHUNK_BYTES, uploadRoutes } from './upload-routes.ts';

const KIB = 1024;

describe(uploadRoutes.name, () => {
  let storage: StorageHarness;
  let alice: TestInstance;
  let tus: ReturnType<typeof tusCalls>;
  beforeAll(async () => {
    storage = await startStorage({ maxFileBytes: 768 * KIB, defaultQuotaBytes: 1024 * KIB });
    alice = await storage.createInstance('alice');
    tus = tusCalls(storage, alice.token);
  });
  afterAll(() => storage.close());

  const uploadsOf = (instance: TestInstance) => filesUnder(join(storage.config.dataDir, 'instances', instance.id, 'uploads'));
  const contentOf = (instance: TestInstance) => filesUnder(join(storage.config.dataDir, 'instances', instance.id, 'content'));
  const names = async (instance: TestInstance) => {
    const listing = FolderListing.parse(await (await storage.call(instance.token, '/files/root/children?limit=1000')).json());
    return listing.items.map((item) => item.name);
  };
  const bytesOf = async (instance: TestInstance, fileId: string) =>
    Buffer.from(await (await storage.call(instance.token, `/files/${fileId}/content`)).arrayBuffer());
  const problem = async (response: Response) => {
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    return { status: response.status, code: ((await response.json()) as { code: string }).code };
  };

  it('assembles three PATCHes into a listed file with the same bytes, and leaves no upload behind', async () => {
    const data = randomBytes(300 * KIB);
    const created = await tus.create(data.length, { filename: 'vidéo.mp4' });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toMatch(/^\/api\/uploads\/[0-9a-f]{32}$/);
    expect(created.headers.get('upload-expires')).not.toBeNull();
    const path = tus.pathOf(created);

    let answer: Response | undefined;
    for (let offset = 0; offset < data.length; offset += 100 * KIB) {
      answer = await tus.patch(path, offset, data.subarray(offset, offset + 100 * KIB));
      expect(answer.status).toBe(204);
      expect(answer.headers.get('upload-offset')).toBe(String(Math.min(offset + 100 * KIB, data.length)));
    }
    const fileId = answer?.headers.get(FILE_ID_HEADER) ?? '';
    const file = FileDoc.parse(await (await storage.call(alice.token, `/files/${fileId}`)).json());
    expect(file).toMatchObject({ name: 'vidéo.mp4', size: data.length, sha256: createHash('sha256').update(data).digest('hex') });
    expect(await names(alice)).toContain('vidéo.mp4');
    expect((await bytesOf(alice, fileId)).equals(data)).toBe(true);
    expect(await uploadsOf(alice)).toEqual([]);
    expect((await tus.head(path)).status).toBe(404);
  });

  it('wakes a long-poll on the changes feed with the file the last PATCH made', async () => {
    const { last } = ChangeBatch.parse(await (await storage.call(alice.token, '/changes')).json());
    const path = tus.pathOf(await tus.create(4, { filename: 'live.txt' }));
    const poll = storage.call(alice.token, `/changes?since=${last}&wait=20`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const done = await tus.patch(path, 0, Buffer.from('live'));
    expect(done.headers.get('access-control-allow-origin')).toBeNull();
    const batch = ChangeBatch.parse(await (await poll).json());
    expect(batch.changes.map((change) => change.id)).toEqual([done.headers.get(FILE_ID_HEADER)]);
  });

  it('creates and completes a small file in one request (creation-with-upload), mime sniffed', async () => {
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    const created = await tus.create(png.length, { filename: 'pixel.bin' }, png);
    expect(created.status).toBe(201);
    const file = FileDoc.parse(await (await storage.call(alice.token, `/files/${created.headers.get(FILE_ID_HEADER)}`)).json());
    expect(file.mime).toBe('image/png');
  });

  it('records the app whose token created the upload, never a creator the client claims', async () => {
    const scanner = await storage.sign('app', { sub: alice.id, app: 'scanner', grants: [{ type: FILES_TYPE, verbs: ['read', 'write'] }] });
    const fromApp = await tusCalls(storage, scanner).create(4, { filename: 'scan.txt' }, Buffer.from('scan'));
    const claimed = await tus.create(4, { filename: 'moi.txt', createdByApp: 'scanner' }, Buffer.from('mien'));
    const createdBy = async (answer: Response) =>
      FileDoc.parse(await (await storage.call(alice.token, `/files/${answer.headers.get(FILE_ID_HEADER)}`)).json()).createdBy;
    expect(await createdBy(fromApp)).toBe('scanner');
    expect(await createdBy(claimed)).toBeNull();
  });

  it('resumes after a connection dropped mid-PATCH from the offset HEAD reports', async () => {
    const bob = await storage.createInstance();
    const bobTus = tusCalls(storage, bob.token);
    const data = randomBytes(512 * KIB);
    const path = bobTus.pathOf(await bobTus.create(data.length, { filename: 'cut.bin' }));
    const partial = join(storage.config.dataDir, 'instances', bob.id, 'uploads', path.split('/').pop() ?? '');

    const url = new URL(path, storage.url);
    const cut = request(url, {
      method: 'PATCH',
      headers: {
        authorization: `Bearer ${bob.token}`,
        'tus-resumable': '1.0.0',
        'upload-offset': '0',
        'content-type': 'application/offset+octet-stream',
        'content-length': String(data.length),
      },
    });
    cut.on('error', () => undefined);
    cut.write(data.subarray(0, 200 * KIB));
    await eventually(async () => (await stat(partial)).size > 0);
    cut.destroy();

    let offset = 0;
    await eventually(async () => {
      const head = await bobTus.head(path);
      offset = Number(head.headers.get('upload-offset'));
      return head.status === 200 && offset > 0;
    });
    expect(offset).toBeLessThanOrEqual(200 * KIB);
    const rest = await bobTus.patch(path, offset, data.subarray(offset));
    expect(rest.status).toBe(204);
    expect((await bytesOf(bob, rest.headers.get(FILE_ID_HEADER) ?? '')).equals(data)).toBe(true);
  });

  it('refuses a PATCH at another offset than the server has (409) and keeps the upload', async () => {
    const path = tus.pathOf(await tus.create(10, { filename: 'offset.txt' }));
    expect(await problem(await tus.patch(path, 3, Buffer.from('abc')))).toEqual({ status: 409, code: 'upload_offset_conflict' });
    expect((await tus.head(path)).headers.get('upload-offset')).toBe('0');
    await tus.terminate(path);
  });

  it('answers 404 on another instance’s upload id, for HEAD, PATCH and DELETE', async () => {
    const path = tus.pathOf(await tus.create(10, { filename: 'mine.txt' }));
    const eve = tusCalls(storage, (await storage.createInstance()).token);
    expect((await eve.head(path)).status).toBe(404);
    expect(await problem(await eve.patch(path, 0, Buffer.from('0123456789')))).toEqual({ status: 404, code: 'not_found' });
    expect((await eve.terminate(path)).status).toBe(404);
    expect((await tus.head(path)).status).toBe(200);
    await tus.terminate(path);
  });

  it('refuses at creation what would not fit: over the max size, over the quota; nothing created', async () => {
    const carol = await storage.createInstance();
    const carolTus = tusCalls(storage, carol.token);
    expect(await problem(await carolTus.create(768 * KIB + 1, { filename: 'big.bin' }))).toEqual({ status: 413, code: 'payload_too_large' });
    const filled = await storage.call(carol.token, '/files/root/files?name=filler.bin', { method: 'POST', body: randomBytes(512 * KIB) });
    expect(filled.status).toBe(201);
    expect(await problem(await carolTus.create(600 * KIB, { filename: 'more.bin' }))).toEqual({ status: 413, code: 'quota_exceeded' });
    expect(await uploadsOf(carol)).toEqual([]);
    expect(await names(carol)).toEqual(['filler.bin']);
  });

  it('reserves the announced size of uploads in progress: a second one that would not fit with it is refused at creation', async () => {
    const gina = await storage.createInstance();
    const ginaTus = tusCalls(storage, gina.token);
    const first = ginaTus.pathOf(await ginaTus.create(600 * KIB, { filename: 'un.bin' }));
    expect(await problem(await ginaTus.create(600 * KIB, { filename: 'deux.bin' }))).toEqual({ status: 413, code: 'quota_exceeded' });
    // What is left beside the reservation still goes.
    const small = await ginaTus.create(400 * KIB, { filename: 'petit.bin' }, randomBytes(400 * KIB));
    expect(small.status).toBe(201);

    // Terminated, the first upload holds nothing more.
    expect((await ginaTus.terminate(first)).status).toBe(204);
    const second = ginaTus.pathOf(await ginaTus.create(600 * KIB, { filename: 'deux.bin' }));
    // Completed, its size counts as used, once.
    expect((await ginaTus.patch(second, 0, randomBytes(600 * KIB))).status).toBe(204);
    expect(await problem(await ginaTus.create(100 * KIB, { filename: 'trois.bin' }))).toEqual({ status: 413, code: 'quota_exceeded' });
    expect(await names(gina)).toEqual(['deux.bin', 'petit.bin']);
  });

  it('lets only one of two parallel uploads that fit one at a time start', async () => {
    const hugo = await storage.createInstance();
    const hugoTus = tusCalls(storage, hugo.token);
    const answers = await Promise.all([hugoTus.create(600 * KIB, { filename: 'a.bin' }), hugoTus.create(600 * KIB, { filename: 'b.bin' })]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 413]);
  });

  it('releases the reservation of an expired upload', async () => {
    const ines = await storage.createInstance();
    const inesTus = tusCalls(storage, ines.token);
    const path = inesTus.pathOf(await inesTus.create(600 * KIB, { filename: 'vieux.bin' }));
    const record = join(storage.config.dataDir, 'instances', ines.id, 'uploads', `${path.split('/').pop()}.json`);
    const info = JSON.parse(await readFile(record, 'utf8')) as { creation_date: string };
    await writeFile(record, JSON.stringify({ ...info, creation_date: new Date(Date.now() - 25 * 60 * 60 * 1000).toISOString() }));
    expect((await inesTus.create(600 * KIB, { filename: 'neuf.bin' })).status).toBe(201);
  });

  it('refuses at creation a missing name, an unknown folder and a deferred length', async () => {
    expect(await problem(await tus.create(10, { parent: 'root' }))).toEqual({ status: 400, code: 'invalid_name' });
    expect(await problem(await tus.create(10, { filename: 'a/b' }))).toEqual({ status: 400, code: 'invalid_name' });
    expect(await problem(await tus.create(10, { filename: 'x.txt', parent: 'nowhere' }))).toEqual({ status: 404, code: 'not_found' });
    const deferred = await storage.call(alice.token, '/uploads', {
      method: 'POST',
      headers: { 'tus-resumable': '1.0.0', 'upload-defer-length': '1', 'upload-metadata': 'filename eC50eHQ=' },
    });
    expect(await problem(deferred)).toEqual({ status: 400, code: 'bad_request' });
  });

  it('discards the upload on a sha256 mismatch (422) and adds nothing to the folder', async () => {
    const dave = await storage.createInstance();
    const daveTus = tusCalls(storage, dave.token);
    const data = randomBytes(50 * KIB);
    const sha256 = createHash('sha256').update('something else').digest('hex');
    const path = daveTus.pathOf(await daveTus.create(data.length, { filename: 'hashed.bin', sha256 }));
    expect(await problem(await daveTus.patch(path, 0, data))).toEqual({ status: 422, code: 'hash_mismatch' });
    expect(await names(dave)).toEqual([]);
    expect(await uploadsOf(dave)).toEqual([]);
    expect(await contentOf(dave)).toEqual([]);
  });

  it('commits when the announced sha256 matches', async () => {
    const data = randomBytes(20 * KIB);
    const sha256 = createHash('sha256').update(data).digest('hex');
    const created = await tus.create(data.length, { filename: 'checked.bin', sha256 }, data);
    expect(created.status).toBe(201);
    expect(created.headers.get(FILE_ID_HEADER)).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('terminates an upload: DELETE removes its partial data', async () => {
    const erin = await storage.createInstance();
    const erinTus = tusCalls(storage, erin.token);
    const path = erinTus.pathOf(await erinTus.create(100, { filename: 'gone.txt' }, Buffer.from('half')));
    expect(await uploadsOf(erin)).toHaveLength(2);
    expect((await erinTus.terminate(path)).status).toBe(204);
    expect(await uploadsOf(erin)).toEqual([]);
    expect((await erinTus.head(path)).status).toBe(404);
  });

  it('follows the conflict policy: fail refuses at creation, rename numbers the name', async () => {
    await tus.create(2, { filename: 'twice.txt' }, Buffer.from('v1'));
    expect(await problem(await tus.create(2, { filename: 'twice.txt' }))).toEqual({ status: 409, code: 'name_conflict' });
    const renamed = await tus.create(2, { filename: 'twice.txt', conflict: 'rename' }, Buffer.from('v2'));
    const file = FileDoc.parse(await (await storage.call(alice.token, `/files/${renamed.headers.get(FILE_ID_HEADER)}`)).json());
    expect(file.name).toBe('twice (2).txt');
  });

  it('sweeps, as the uploads.expire job, uploads left unfinished for more than a day (410 before, 404 after)', async () => {
    const frank = await storage.createInstance();
    const frankTus = tusCalls(storage, frank.token);
    const path = frankTus.pathOf(await frankTus.create(100, { filename: 'stale.txt' }, Buffer.from('some')));
    const record = join(storage.config.dataDir, 'instances', frank.id, 'uploads', `${path.split('/').pop()}.json`);
    const info = JSON.parse(await readFile(record, 'utf8')) as { creation_date: string };
    info.creation_date = new Date(Date.now() - 25 * 60 * 60 * 1000).toISOString();
    await writeFile(record, JSON.stringify(info));
    expect(await problem(await frankTus.patch(path, 4, Buffer.from('more')))).toEqual({ status: 410, code: 'upload_expired' });

    const sweep = await storage.jobs.enqueue(REGISTRY_QUEUE, UPLOAD_EXPIRY, {});
    expect(await settledJob(storage.jobs, REGISTRY_QUEUE, sweep)).toMatchObject({ state: 'done' });
    expect(await uploadsOf(frank)).toEqual([]);
    expect((await frankTus.head(path)).status).toBe(404);
  });

  it('refuses a PATCH chunk over the per-request cap before reading it (413)', async () => {
    const path = tus.pathOf(await tus.create(10, { filename: 'cap.bin' }));
    const status = await new Promise<number>((resolve, reject) => {
      const big = request(new URL(path, storage.url), {
        method: 'PATCH',
        headers: {
          authorization: `Bearer ${alice.token}`,
          'tus-resumable': '1.0.0',
          'upload-offset': '0',
          'content-type': 'application/offset+octet-stream',
          'content-length': String(MAX_CHUNK_BYTES + 1),
        },
      });
      big.on('response', (res) => resolve(res.statusCode ?? 0));
      big.on('error', reject);
      big.write(Buffer.alloc(1024));
    });
    expect(status).toBe(413);
    await tus.terminate(path);
  });

  // Last: the backend restarts.
  it('keeps reservations across a restart', async () => {
    const jade = await storage.createInstance();
    const jadeTus = tusCalls(storage, jade.token);
    expect((await jadeTus.create(600 * KIB, { filename: 'avant.bin' })).status).toBe(201);
    await storage.restart();
    expect(await problem(await jadeTus.create(600 * KIB, { filename: 'après.bin' }))).toEqual({ status: 413, code: 'quota_exceeded' });
  });
});
