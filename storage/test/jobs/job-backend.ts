import type { MetadataBackend } from '../../src/db/metadata-backend.ts';
import { openMetadata } from '../../src/db/open-metadata.ts';
import type { StorageHarness } from '../harness/storage-harness.ts';
import { JobQueue } from '../../src/jobs/job-queue.ts';
import { JobWorker, type JobWorkerOptions } from '../../src/jobs/job-worker.ts';

/**
 * A queue on a harness's metadata, as another worker would have it: on PostgreSQL on connections
 * of its own. On SQLite it shares the harness's: two connections to one file in one thread would
 * wait for each other's write lock synchronously (SQLite's busy timeout blocks the thread), which
 * only separate processes can do (jobs/worker-process.test.ts).
 */
export interface QueueOnBackend {
  jobs: JobQueue;
  metadata: MetadataBackend;
  /** A worker on this queue, started; stopped by `close`. */
  startWorker(options?: JobWorkerOptions): Promise<JobWorker>;
  close(): Promise<void>;
}

export async function queueOn(storage: StorageHarness): Promise<QueueOnBackend> {
  const shared = storage.config.metadata?.kind !== 'postgres';
  const metadata = shared ? storage.metadata : await openMetadata(storage.config.dataDir, storage.config.metadata);
  const jobs = new JobQueue(metadata);
  const workers: JobWorker[] = [];
  return {
    jobs,
    metadata,
    async startWorker(options = {}) {
      const worker = new JobWorker(jobs, { pollMs: 20, leaseGraceMs: 200, ...options });
      workers.push(worker);
      await worker.start();
      return worker;
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.stop()));
      if (!shared) await metadata.close();
    },
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
