import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startStorage, type StorageHarness, type TestInstance } from '../../test/harness/storage-harness.ts';
import type { JobState } from './job-rows.ts';
import { nextRunOf } from './schedules.ts';
import { queueOn, sleep, type QueueOnBackend } from '../../test/jobs/job-backend.ts';

describe(nextRunOf.name, () => {
  const daily = { cron: '0 3 * * *', timezone: 'Europe/Paris', spreadMs: 3 * 3600_000 };

  it('reads the cron in the schedule’s zone: 3 a.m. in Paris is 2 a.m. UTC in winter, 1 a.m. in summer', () => {
    expect(nextRunOf(daily, new Date('2026-01-10T12:00:00Z'), () => 0)).toBe('2026-01-11T02:00:00.000Z');
    expect(nextRunOf(daily, new Date('2026-07-10T12:00:00Z'), () => 0)).toBe('2026-07-11T01:00:00.000Z');
  });

  it('spreads runs over the spread after the cron time', () => {
    expect(nextRunOf(daily, new Date('2026-01-10T12:00:00Z'), () => 0.5)).toBe('2026-01-11T03:30:00.000Z');
    expect(nextRunOf(daily, new Date('2026-01-10T12:00:00Z'), () => 0.999_999)).toBe('2026-01-11T04:59:59.989Z');
  });
});

describe('job schedules', () => {
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

  /** A process's start: its queue, the kind registered and the schedule defined (as at every start). */
  async function start(kind: string, runs: string[]): Promise<QueueOnBackend> {
    const queue = await queueOn(storage);
    opened.push(queue);
    queue.jobs.register(kind, async (_payload, { jobId }) => {
      runs.push(jobId);
    }, { payload: z.object({}) });
    await queue.jobs.schedule(alice.id, { name: kind, kind, payload: {}, cron: '* * * * * *' });
    return queue;
  }

  const ofSchedule = async (queue: QueueOnBackend, name: string): Promise<JobState[]> =>
    (await queue.jobs.jobsOf(alice.id, 1000)).filter((job) => job.schedule === name);

  async function doneRuns(queue: QueueOnBackend, name: string, count: number): Promise<void> {
    const deadline = Date.now() + 10_000;
    while ((await ofSchedule(queue, name)).filter((job) => job.state === 'done').length < count) {
      if (Date.now() > deadline) throw new Error('the schedule did not run');
      await sleep(50);
    }
  }

  it('keeps one next run through restarts and concurrent starts, never running a time twice', { timeout: 30_000 }, async () => {
    const kind = `test.every-second.${randomUUID()}`;
    const runs: string[] = [];
    const [first, racing] = await Promise.all([start(kind, runs), start(kind, runs)]);
    expect((await ofSchedule(first!, kind)).filter((job) => job.state === 'queued')).toHaveLength(1);

    await first!.startWorker();
    await doneRuns(first!, kind, 2);
    // The process stops (a restart): its queue and connections go, the next run stays stored.
    await Promise.all([first!.close(), racing!.close()]);
    opened = [];
    const pending = (await ofSchedule(await start(kind, runs), kind)).filter((job) => job.state !== 'done');
    expect(pending).toHaveLength(1);

    const again = opened[0]!;
    await again.startWorker();
    await doneRuns(again, kind, 4);
    await again.close();
    opened = [];

    const all = await ofSchedule(await start(kind, runs), kind);
    const done = all.filter((job) => job.state === 'done');
    expect(new Set(runs).size).toBe(runs.length);
    expect(runs.length).toBe(done.length);
    // One run per cron time: no second was run twice.
    expect(new Set(done.map((job) => job.runAt)).size).toBe(done.length);
    expect(all.filter((job) => job.state === 'queued')).toHaveLength(1);
  });
});
