import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { TRASH_PURGE } from '../files/trash-purge.ts';
import { startStorage, type StorageHarness, type TestInstance } from '../../test/harness/storage-harness.ts';
import { UPLOAD_EXPIRY } from '../tus/expired-uploads.ts';
import { REGISTRY_QUEUE } from './due-index.ts';
import { JobQueue } from './job-queue.ts';
import { queueOn, sleep, type QueueOnBackend } from '../../test/jobs/job-backend.ts';
import { settledJob } from '../../test/jobs/settled-job.ts';

const empty = z.object({});

describe(JobQueue.name, () => {
  let storage: StorageHarness;
  let alice: TestInstance;
  let opened: QueueOnBackend | undefined;
  beforeAll(async () => {
    storage = await startStorage({ jobsWorker: 'off' });
    alice = await storage.createInstance();
  });
  afterEach(async () => {
    await opened?.close();
    opened = undefined;
  });
  afterAll(() => storage.close());

  it('enqueues in the transaction of the write that causes the job: rolled back, no job', async () => {
    opened = await queueOn(storage);
    const { jobs, metadata } = opened;
    const kind = `test.caused.${randomUUID()}`;
    jobs.register(kind, async () => undefined, { payload: z.object({ note: z.string() }) });
    const db = metadata.instance(alice.id);

    await expect(db.transaction(async () => {
      await db.run(`UPDATE files SET favorite = 1 WHERE id = 'root'`);
      await jobs.enqueue(alice.id, kind, { note: 'annulé' });
      throw new Error('the write fails after the enqueue');
    })).rejects.toThrow('the write fails');
    expect((await jobs.jobsOf(alice.id)).filter((job) => job.kind === kind)).toEqual([]);

    const kept = await db.transaction(async () => {
      await db.run(`UPDATE files SET favorite = 0 WHERE id = 'root'`);
      return jobs.enqueue(alice.id, kind, { note: 'gardé' });
    });
    expect((await jobs.jobsOf(alice.id)).filter((job) => job.kind === kind)).toEqual([
      expect.objectContaining({ id: kept, state: 'queued', attempts: 0, errorCode: null, finishedAt: null }),
    ]);
  });

  it('tells each job’s state, attempts and times, per instance', async () => {
    opened = await queueOn(storage);
    const { jobs, startWorker } = opened;
    const kind = `test.visible.${randomUUID()}`;
    jobs.register(kind, async () => undefined, { payload: empty });
    const bob = await storage.createInstance();
    const id = await jobs.enqueue(alice.id, kind, {});
    await startWorker();
    const done = await settledJob(jobs, alice.id, id);
    expect(done).toMatchObject({ kind, state: 'done', attempts: 1, maxAttempts: 5, errorCode: null, schedule: null });
    expect(Date.parse(done.startedAt ?? '')).toBeLessThanOrEqual(Date.parse(done.finishedAt ?? ''));
    expect((await jobs.jobsOf(bob.id)).map((job) => job.id)).not.toContain(id);
  });

  it('prunes done jobs once they are older than the worker keeps them', async () => {
    opened = await queueOn(storage);
    const { jobs, startWorker } = opened;
    const kind = `test.pruned.${randomUUID()}`;
    jobs.register(kind, async () => undefined, { payload: empty });
    await startWorker({ keepDoneMs: 50 });
    const first = await jobs.enqueue(alice.id, kind, {});
    await settledJob(jobs, alice.id, first);
    await sleep(60);
    const second = await jobs.enqueue(alice.id, kind, {});
    await settledJob(jobs, alice.id, second);
    expect(await jobs.job(alice.id, first)).toBeUndefined();
    expect(await jobs.job(alice.id, second)).toMatchObject({ state: 'done' });
  });

  it('gives every new instance its daily trash purge, and the storage its hourly upload expiry', async () => {
    const bob = await storage.createInstance();
    expect(await storage.jobs.jobsOf(bob.id)).toEqual([
      expect.objectContaining({ kind: TRASH_PURGE, schedule: TRASH_PURGE, state: 'queued' }),
    ]);
    expect(await storage.jobs.jobsOf(REGISTRY_QUEUE)).toEqual([
      expect.objectContaining({ kind: UPLOAD_EXPIRY, schedule: UPLOAD_EXPIRY, state: 'queued' }),
    ]);
  });
});
