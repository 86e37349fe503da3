import { z } from 'zod';
import { metadataConfig, readStorageEnv } from '../../src/config.ts';
import { openMetadata } from '../../src/db/open-metadata.ts';
import { JobQueue } from '../../src/jobs/job-queue.ts';
import { JobWorker } from '../../src/jobs/job-worker.ts';

/**
 * A worker process for jobs/worker-process.test.ts: it runs `test.block` jobs, which say so on
 * stdout (`started <job id>`) and never end, so the test can kill it mid-job.
 */
export const BLOCKING_KIND = 'test.block';
/** The kind's timeout: its lease ends this (plus the grace below) after a claim. */
export const BLOCKING_TIMEOUT_MS = 1000;
export const BLOCKING_LEASE_GRACE_MS = 200;

if (import.meta.main) {
  const env = readStorageEnv(process.env);
  const jobs = new JobQueue(await openMetadata(env.STORAGE_DATA_DIR, metadataConfig(env)));
  jobs.register(
    BLOCKING_KIND,
    async (_payload, { jobId }) => {
      process.stdout.write(`started ${jobId}\n`);
      await new Promise(() => undefined);
    },
    { payload: z.object({}), timeoutMs: BLOCKING_TIMEOUT_MS },
  );
  await new JobWorker(jobs, { pollMs: 20, leaseGraceMs: BLOCKING_LEASE_GRACE_MS, keepAlive: true }).start();
}
