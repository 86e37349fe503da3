import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openMetadata } from '../db/open-metadata.ts';
import { startStorage, type StorageHarness, type TestInstance } from '../../test/harness/storage-harness.ts';
import { JobFailure } from './job-queue.ts';
import { claimJob } from './job-rows.ts';
import { JobWorker } from './job-worker.ts';
import { queueOn, sleep, type QueueOnBackend } from '../../test/jobs/job-backend.ts';
import { settledJob } from '../../test/jobs/settled-job.ts';

const empty = z.object({});

describe(JobWorker.name, () => {
  let storage: StorageHarness;
  let alice: TestInstance;
  let opened: QueueOnBackend[] = [];
  beforeAll(async () => {
    storage = await startStorage({ jobsWorker: 'off' });
    alice = await storage.createInstance();
  });
  afterEach(async () => {
    await Promise.all(opened.map((queue) => queue.close()));
    opened = [];
  });
  afterAll(() => storage.close());

  async function queue(): Promise<QueueOnBackend> {
    const opening = await queueOn(storage);
    opened.push(opening);
    return opening;
  }

  it('lets exactly one of several workers claim a job, each on its own connections', async () => {
    const { jobs } = await queue();
    const kind = `test.claim.${randomUUID()}`;
    jobs.register(kind, async () => undefined, { payload: empty });
    await jobs.enqueue(alice.id, kind, {});

    const workers = await Promise.all(Array.from({ length: 5 }, () => openMetadata(storage.config.dataDir, storage.config.metadata)));
    try {
      const now = new Date().toISOString();
      const lease = new Date(Date.now() + 60_000).toISOString();
      const claims = await Promise.all(workers.map((metadata) => claimJob(metadata.instance(alice.id), kind, randomUUID(), now, lease)));
      expect(claims.filter((claim) => claim !== undefined)).toHaveLength(1);
    } finally {
      await Promise.all(workers.map((metadata) => metadata.close()));
    }
  });

  it('runs each of many jobs once when two workers share the queue', async () => {
    const [first, second] = await Promise.all([queue(), queue()]);
    const kind = `test.share.${randomUUID()}`;
    const runs: { id: string; worker: string }[] = [];
    for (const [name, { jobs }] of [['first', first!], ['second', second!]] as const) {
      jobs.register(kind, async (_payload, { jobId }) => {
        runs.push({ id: jobId, worker: name });
        await sleep(5);
      }, { payload: empty, concurrency: 3 });
    }
    const ids = await Promise.all(Array.from({ length: 30 }, () => first!.jobs.enqueue(alice.id, kind, {})));
    await Promise.all([first!.startWorker(), second!.startWorker()]);

    for (const id of ids) expect(await settledJob(first!.jobs, alice.id, id)).toMatchObject({ state: 'done', attempts: 1 });
    expect(runs.map((run) => run.id).sort()).toEqual([...ids].sort());
  });

  it('retries a failing job with a doubling backoff, then marks it failed with its error code', async () => {
    const { jobs, startWorker } = await queue();
    const kind = `test.flaky.${randomUUID()}`;
    const attempts: number[] = [];
    jobs.register(kind, async () => {
      attempts.push(Date.now());
      throw new JobFailure('remote_unavailable', 'le service distant ne répond pas');
    }, { payload: empty, maxAttempts: 3, backoffMs: 150 });
    const id = await jobs.enqueue(alice.id, kind, {});
    await startWorker();

    const job = await settledJob(jobs, alice.id, id);
    expect(job).toMatchObject({ state: 'failed', attempts: 3, errorCode: 'remote_unavailable' });
    expect(job.finishedAt).not.toBeNull();
    expect(attempts).toHaveLength(3);
    expect(attempts[1]! - attempts[0]!).toBeGreaterThanOrEqual(150);
    expect(attempts[2]! - attempts[1]!).toBeGreaterThanOrEqual(300);
  });

  it('fails a job at once, without retrying, when its handler says another attempt cannot help', async () => {
    const { jobs, startWorker } = await queue();
    const kind = `test.hopeless.${randomUUID()}`;
    let runs = 0;
    jobs.register(kind, async () => {
      runs++;
      throw new JobFailure('file_gone', 'le fichier n’existe plus', { retryable: false });
    }, { payload: empty, maxAttempts: 5, backoffMs: 10 });
    const id = await jobs.enqueue(alice.id, kind, {});
    await startWorker();
    expect(await settledJob(jobs, alice.id, id)).toMatchObject({ state: 'failed', attempts: 1, errorCode: 'file_gone' });
    expect(runs).toBe(1);
  });

  it('stops a run past the kind’s timeout (its signal aborts) and records `timeout`', async () => {
    const { jobs, startWorker } = await queue();
    const kind = `test.slow.${randomUUID()}`;
    let aborted = false;
    jobs.register(kind, (_payload, { signal }) => new Promise<void>((resolve) => {
      signal.addEventListener('abort', () => {
        aborted = true;
        resolve();
      });
    }), { payload: empty, timeoutMs: 150, maxAttempts: 1 });
    const id = await jobs.enqueue(alice.id, kind, {});
    await startWorker();
    expect(await settledJob(jobs, alice.id, id)).toMatchObject({ state: 'failed', attempts: 1, errorCode: 'timeout' });
    expect(aborted).toBe(true);
  });

  it('runs no more jobs of a kind at once than its concurrency', async () => {
    const { jobs, startWorker } = await queue();
    const kind = `test.limited.${randomUUID()}`;
    let running = 0;
    let most = 0;
    jobs.register(kind, async () => {
      running++;
      most = Math.max(most, running);
      await sleep(60);
      running--;
    }, { payload: empty, concurrency: 2 });
    const other = await storage.createInstance();
    const ids = await Promise.all(Array.from({ length: 6 }, (_, i) => jobs.enqueue(i % 2 ? alice.id : other.id, kind, {}).then((id) => [i % 2 ? alice.id : other.id, id] as const)));
    await startWorker();
    for (const [instance, id] of ids) expect(await settledJob(jobs, instance, id)).toMatchObject({ state: 'done' });
    expect(most).toBe(2);
  });

  it('refuses a payload its kind’s schema does not accept, at enqueue and again at run', async () => {
    const { jobs, metadata, startWorker } = await queue();
    const kind = `test.typed.${randomUUID()}`;
    const seen: unknown[] = [];
    jobs.register(kind, async (payload) => {
      seen.push(payload);
    }, { payload: z.object({ fileId: z.string().min(1) }), maxAttempts: 3 });
    await expect(jobs.enqueue(alice.id, kind, { fileId: 42 })).rejects.toThrow();

    const id = await jobs.enqueue(alice.id, kind, { fileId: 'f1' });
    // A row written by an older version of the kind, with what the schema no longer takes.
    await metadata.instance(alice.id).run('UPDATE jobs SET payload = ? WHERE id = ?', '{"file":"f1"}', id);
    await startWorker();
    expect(await settledJob(jobs, alice.id, id)).toMatchObject({ state: 'failed', attempts: 1, errorCode: 'invalid_payload' });
    expect(seen).toEqual([]);
  });

  it('fails with `lease_expired`, without running it again, a job whose last attempt’s worker died', async () => {
    const { jobs, metadata, startWorker } = await queue();
    const kind = `test.fatal.${randomUUID()}`;
    let runs = 0;
    jobs.register(kind, async () => {
      runs++;
    }, { payload: empty, maxAttempts: 1 });
    const id = await jobs.enqueue(alice.id, kind, {});
    // A worker claims it with a short lease, then dies.
    const now = Date.now();
    await claimJob(metadata.instance(alice.id), kind, randomUUID(), new Date(now).toISOString(), new Date(now + 50).toISOString());
    await sleep(60);
    await startWorker();
    expect(await settledJob(jobs, alice.id, id)).toMatchObject({ state: 'failed', attempts: 2, errorCode: 'lease_expired' });
    expect(runs).toBe(0);
  });

  it('gives a job back unfinished when its worker stops, without counting the attempt', async () => {
    const { jobs, startWorker } = await queue();
    const kind = `test.interrupted.${randomUUID()}`;
    let started = false;
    jobs.register(kind, async (_payload, { signal }) => {
      started = true;
      await new Promise((resolve) => signal.addEventListener('abort', resolve));
    }, { payload: empty });
    const id = await jobs.enqueue(alice.id, kind, {});
    const worker = await startWorker();
    while (!started) await sleep(10);
    await worker.stop();
    expect(await jobs.job(alice.id, id)).toMatchObject({ state: 'queued', attempts: 0 });
  });
});
