import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { TRASH_PURGE } from '../files/trash-purge.ts';
import { startStorage, type StorageHarness } from '../../test/harness/storage-harness.ts';
import { dueQueues, markDue } from './due-index.ts';
import { queueOn } from '../../test/jobs/job-backend.ts';
import { settledJob } from '../../test/jobs/settled-job.ts';

describe(markDue.name, () => {
  let storage: StorageHarness;
  beforeAll(async () => {
    storage = await startStorage({ jobsWorker: 'off' });
  });
  afterAll(() => storage.close());

  it('names a new instance due at once: its first trash purge waits there', async () => {
    const bob = await storage.createInstance();
    const due = await dueQueues(storage.metadata.registry, new Date().toISOString(), 1000);
    expect(due.map((entry) => entry.queue)).toContain(bob.id);
  });

  it('is repaired when a worker starts: an instance it lost (or never had, made before jobs) gets its jobs run', async () => {
    const carol = await storage.createInstance();
    await storage.metadata.registry.run('DELETE FROM job_due WHERE queue = ?', carol.id);
    const [purge] = await storage.jobs.jobsOf(carol.id);

    const queue = await queueOn(storage);
    try {
      queue.jobs.register(TRASH_PURGE, async () => undefined, { payload: z.object({}) });
      await queue.startWorker();
      expect(await settledJob(queue.jobs, carol.id, purge!.id)).toMatchObject({ state: 'done' });
    } finally {
      await queue.close();
    }
  });

  it('forgets a removed instance', async () => {
    const dave = await storage.createInstance();
    await storage.metadata.removeInstance(dave.id);
    const due = await dueQueues(storage.metadata.registry, new Date().toISOString(), 1000);
    expect(due.map((entry) => entry.queue)).not.toContain(dave.id);
  });
});
