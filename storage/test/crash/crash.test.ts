import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileDoc } from '@mytoutatice/contract';
import { backendEnv, signInternalToken, TEST_SECRET } from '../harness/storage-harness.ts';
import { testBucket, testDatabase, type TestDatabase } from '../harness/test-database.ts';
import { Ledger } from './ledger.ts';
import { storageApi } from './storage-api.ts';
import { runAdmin, startStorageProcess, type StorageProcess } from './storage-process.ts';
import { startWorkload } from './workload.ts';

const ROUNDS = 6;
const WORKERS = 4;
const SKIPPED = /^ {2}récent, ignoré \(envoi en cours \?\) : (.+)$/gm;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('storage killed with SIGKILL in the middle of writes', () => {
  let dataDirToRemove: string | undefined;
  let server: StorageProcess | undefined;
  let database: TestDatabase | undefined;
  afterAll(async () => {
    await server?.kill();
    await database?.drop();
    if (dataDirToRemove) await rm(dataDirToRemove, { recursive: true, force: true });
  });

  it('keeps every acknowledged write, shows nothing half-written, and leaves fsck clean', { timeout: 180_000 }, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'mytoutatice-crash-'));
    dataDirToRemove = dataDir;
    // PostgreSQL and S3 in the suite's production-shaped run, else SQLite and files in the data dir.
    database = await testDatabase();
    const env = backendEnv({
      metadata: database ? { kind: 'postgres', url: database.url, poolSize: 5 } : undefined,
      blobs: testBucket(),
    });
    server = await startStorageProcess(dataDir, env);

    const id = randomUUID();
    const slug = `crash-${id.slice(0, 8)}`;
    const created = await fetch(`${server.url}/instances`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await signInternalToken(TEST_SECRET, 'admin')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ id, slug, email: `${slug}@example.org` }),
    });
    expect(created.status).toBe(201);
    const token = await signInternalToken(TEST_SECRET, 'owner', { sub: id, expiresIn: 3600 });

    const ledger = new Ledger();
    let api = storageApi(server.url, token);
    for (const name of ['Cours', 'Devoirs', 'Photos', 'Administratif']) {
      const answer = await api.send('/files/root/folders', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name }),
      });
      ledger.homes.add(FileDoc.parse(answer?.body).id);
    }

    const totals = { acknowledged: 0, cut: 0, cutButApplied: 0 };
    let leftovers: string[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const workload = startWorkload(api, ledger, WORKERS);
      await sleep(300 + Math.random() * 900);
      workload.stop();
      await server.kill();
      await workload.done;
      totals.acknowledged += workload.counts.acknowledged;
      totals.cut += workload.counts.cut;

      server = await startStorageProcess(dataDir, env);
      api = storageApi(server.url, token);
      // fsck runs beside the server, as an operator would run it.
      const [observed, fsck] = await Promise.all([api.walk(), runAdmin(dataDir, env, 'fsck', slug)]);
      totals.cutButApplied += ledger.settle(observed);
      await ledger.check(api, observed);
      expect(ledger.problems, `round ${round}`).toEqual([]);

      // Exit 0: no problem at all. Entries younger than fsck's grace period (what an upload cut
      // by the kill left in tmp/ or content/) are only listed as skipped.
      expect(fsck.code, fsck.stdout + fsck.stderr).toBe(0);
      expect(fsck.stdout).toContain(`${slug} : OK`);
      leftovers = [...fsck.stdout.matchAll(SKIPPED)].map((match) => match[1] ?? '');
    }

    // What the kills left behind, once no write is in flight (no grace needed): reported and repaired.
    const repaired = await runAdmin(dataDir, env, 'fsck', '--all', '--repair', '--grace', '0');
    expect(repaired.code, repaired.stdout).toBe(0);
    const problems = [...repaired.stdout.matchAll(/^ {2}(\w+) ((?:tmp|content)\/\S+) : .* — réparé$/gm)];
    expect(problems.map((match) => match[2]).sort()).toEqual([...leftovers].sort());
    for (const [, kind] of problems) expect(['tmp_leftover', 'orphan_blob']).toContain(kind);
    const clean = await runAdmin(dataDir, env, 'fsck', '--all', '--grace', '0');
    expect(clean.code, clean.stdout).toBe(0);
    expect(clean.stdout.trim()).toBe(`${slug} : OK`);

    // The repair removed only leftovers: storage still lists exactly what it acknowledged (and
    // the clean fsck has just checked every listed file's bytes against its size and hash).
    await ledger.check(api, await api.walk());
    expect(ledger.problems).toEqual([]);

    console.warn(`crash test: ${ROUNDS} kills, ${JSON.stringify({ ...totals, leftovers: leftovers.length })}`);
    expect(totals.cut).toBeGreaterThan(0);
    expect(totals.acknowledged).toBeGreaterThan(ROUNDS * WORKERS);
  });
});
