import type { JobQueue } from '../../src/jobs/job-queue.ts';
import type { JobState } from '../../src/jobs/job-rows.ts';

/** Waits until the job is done or failed (polling its row), failing after `timeoutMs`. */
export async function settledJob(jobs: JobQueue, queue: string, id: string, timeoutMs = 10_000): Promise<JobState> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await jobs.job(queue, id);
    if (job && (job.state === 'done' || job.state === 'failed')) return job;
    if (Date.now() > deadline) throw new Error(`job ${id} still ${job?.state ?? 'missing'} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
