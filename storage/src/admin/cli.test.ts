import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileDoc } from '@mytoutatice/contract';
import { verifyAppPassword } from '../instances/app-passwords.ts';
import { instancePaths } from '../instances/instance-paths.ts';
import { backendEnv, blobKeys, filesUnder, startStorage, type StorageHarness, type TestInstance } from '../../test/harness/storage-harness.ts';
import { tusCalls } from '../../test/tus/tus-test-calls.ts';
import { fsckInstance } from './fsck.ts';

const CLI = fileURLToPath(new URL('./cli.ts', import.meta.url));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

describe('admin CLI', { timeout: 60_000 }, () => {
  let storage: StorageHarness;
  let eleve: TestInstance;
  let prof: TestInstance;

  function cli(...args: string[]): Promise<Run> {
    return new Promise((resolve) => {
      execFile(
        process.execPath,
        ['--conditions=mytoutatice-source', CLI, ...args],
        { env: { ...process.env, STORAGE_DATA_DIR: storage.config.dataDir, ...backendEnv(storage.config) } },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
      );
    });
  }

  /** Writes a blob behind the server's back (damage, orphans), on whatever store it runs. */
  const putBlob = (instanceId: string, key: string, text: string) =>
    storage.blobs.write(instanceId, key, Readable.from([Buffer.from(text)]), 1024, () => new Error('too big'));

  const upload = async (who: TestInstance, name: string, body: string) =>
    FileDoc.parse(await (await storage.call(who.token, `/files/root/files?name=${name}`, { method: 'POST', body })).json());

  beforeAll(async () => {
    storage = await startStorage();
    eleve = await storage.createInstance('eleve');
    prof = await storage.createInstance('enseignant');
    await upload(eleve, 'cours.txt', 'contenu du cours');
  });
  afterAll(() => storage.close());

  it('lists and shows spaces while the server runs', async () => {
    const listed = await cli('list');
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/eleve\s+eleve@example\.org\s+16 o \/ 5 Gio/);
    expect(listed.stdout).toContain('enseignant');

    const shown = await cli('show', 'eleve');
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain(eleve.id);
    expect(shown.stdout).toContain('1 fichier(s), 0 dossier(s)');
  });

  it('shows a space’s background jobs: the trash purge every new space is given, waiting', async () => {
    const shown = await cli('jobs', 'eleve');
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/^TRAVAIL\s+ÉTAT\s+ESSAIS\s+PRÉVU\s+CODE$/m);
    expect(shown.stdout).toMatch(/^trash\.purge\s+en attente\s+0\/\d+\s+\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/m);
    expect((await cli('jobs', 'personne')).code).toBe(1);
  });

  it('creates an app password, prints it alone on the last line and stores only a hash', async () => {
    const run = await cli('app-password', 'eleve', 'Téléphone');
    expect(run.code).toBe(0);
    const password = run.stdout.trimEnd().split('\n').at(-1) ?? '';
    expect(password).toMatch(/^[a-z0-9]{4}(-[a-z0-9]{4}){5}$/);

    const db = storage.metadata.instance(eleve.id);
    const rows = await db.all('SELECT * FROM app_passwords');
    expect(rows).toHaveLength(1);
    expect(rows[0]?.label).toBe('Téléphone');
    expect(JSON.stringify(rows)).not.toContain(password);
    expect(JSON.stringify(rows)).not.toContain(password.replaceAll('-', ''));
    expect(await verifyAppPassword(db, password)).toBe(rows[0]?.id);
    expect(await verifyAppPassword(db, 'abcd-efgh-ijkm-npqr-stuv-wxyz')).toBeUndefined();
    expect((await cli('show', 'eleve')).stdout).toContain('« Téléphone »');
  });

  it('sets a quota the server enforces at once', async () => {
    const run = await cli('quota', 'enseignant', '500MB');
    expect(run.code).toBe(0);
    const info = await (await storage.call(prof.token, '/instance')).json();
    expect(info.quotaBytes).toBe(500 * 1024 * 1024);

    expect((await cli('quota', 'enseignant', '10')).code).toBe(0);
    const refused = await storage.call(prof.token, '/files/root/files?name=trop.txt', { method: 'POST', body: 'onze octets' });
    expect(refused.status).toBe(413);
    expect((await refused.json()).code).toBe('quota_exceeded');
  });

  it('answers bad usage with exit code 2 and unknown spaces with 1', async () => {
    for (const args of [[], ['dance'], ['show'], ['quota', 'eleve', 'beaucoup'], ['fsck', 'eleve', '--all'], ['list', '--nope']]) {
      const run = await cli(...args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toContain('Usage');
    }
    const unknown = await cli('show', 'personne');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('personne');
    expect((await cli('help')).code).toBe(0);
  });

  it('fsck finds missing and orphan content and temp leftovers, and repairs what it can', async () => {
    const alice = await storage.createInstance('alice');
    const paths = instancePaths(storage.config.dataDir, alice.id);
    const kept = await upload(alice, 'garde.txt', 'à garder');
    const lost = await upload(alice, 'perdu.txt', 'sera perdu');
    await storage.blobs.remove(alice.id, [lost.id]);
    await putBlob(alice.id, randomUUID(), 'orphelin');
    const leftover = join(paths.tmp, randomUUID());
    await mkdir(paths.tmp, { recursive: true });
    await writeFile(leftover, 'envoi interrompu');

    // Young entries are spared (an upload may be in progress): with the default grace, nothing to repair.
    const young = await cli('fsck', 'alice', '--repair');
    expect(young.stdout).toContain('récent, ignoré');
    expect(await blobKeys(storage, alice.id)).toHaveLength(2);

    const check = await cli('fsck', 'alice', '--grace', '0');
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('missing_content');
    expect(check.stdout).toContain(lost.id);
    expect(check.stdout).toContain('orphan_blob');
    expect(check.stdout).toContain('tmp_leftover');

    const repair = await cli('fsck', 'alice', '--repair', '--grace', '0');
    expect(repair.code).toBe(1);
    expect(await filesUnder(paths.tmp)).toEqual([]);
    expect(await blobKeys(storage, alice.id)).toEqual([kept.id]);

    const again = await cli('fsck', 'alice', '--grace', '0');
    expect(again.stdout).toContain('missing_content');
    expect(again.stdout).not.toContain('orphan_blob');
    expect((await cli('fsck', 'eleve')).code).toBe(0);
  });

  it('fsck reports damaged content and leaves recent entries alone', async () => {
    const bob = await storage.createInstance('bob');
    const paths = instancePaths(storage.config.dataDir, bob.id);
    const damaged = await upload(bob, 'abime.txt', 'contenu original');
    await putBlob(bob.id, damaged.id, 'contenu ORIGINAL');
    const resized = await upload(bob, 'taille.txt', 'court');
    await putBlob(bob.id, resized.id, 'beaucoup plus long');
    await mkdir(paths.tmp, { recursive: true });
    await writeFile(join(paths.tmp, 'en-cours'), 'envoi en cours');

    const report = await fsckInstance(
      { id: bob.id, paths, db: storage.metadata.instance(bob.id), blobs: storage.blobs },
      { repair: true, graceMs: 60_000 },
    );
    expect(report.problems.map((problem) => problem.kind).sort()).toEqual(['hash_mismatch', 'size_mismatch']);
    expect(report.skipped).toEqual([join('tmp', 'en-cours')]);
    expect(await filesUnder(paths.tmp)).toEqual(['en-cours']);
  });

  it('fsck leaves resumable uploads in progress alone and removes those past their expiry', async () => {
    const carol = await storage.createInstance('carol');
    const paths = instancePaths(storage.config.dataDir, carol.id);
    const tus = tusCalls(storage, carol.token);
    const live = tus.pathOf(await tus.create(8, { filename: 'en-cours.txt' }, Buffer.from('moit')));
    const stale = tus.pathOf(await tus.create(8, { filename: 'abandon.txt' }, Buffer.from('aban')));
    const staleId = stale.split('/').pop() ?? '';
    const record = join(paths.root, 'uploads', `${staleId}.json`);
    const info = JSON.parse(await readFile(record, 'utf8')) as { creation_date: string };
    info.creation_date = new Date(Date.now() - 25 * 3600 * 1000).toISOString();
    await writeFile(record, JSON.stringify(info));

    const instance = { id: carol.id, paths, db: storage.metadata.instance(carol.id), blobs: storage.blobs };
    const check = await fsckInstance(instance, { repair: false, graceMs: 60_000 });
    expect(check.problems).toEqual([{ kind: 'expired_upload', path: join('uploads', staleId), detail: expect.any(String), repaired: false }]);
    const repair = await fsckInstance(instance, { repair: true, graceMs: 60_000 });
    expect(repair.problems.map((problem) => problem.repaired)).toEqual([true]);
    expect((await fsckInstance(instance, { repair: false, graceMs: 60_000 })).problems).toEqual([]);
    expect((await tus.head(stale)).status).toBe(404);
    const done = await tus.patch(live, 4, Buffer.from('ié.'));
    expect(done.status).toBe(204);
  });
});
