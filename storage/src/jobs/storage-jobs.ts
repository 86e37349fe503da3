import { registerTrashPurge } from '../files/trash-purge.ts';
import type { InstanceDatabases } from '../instances/instance-databases.ts';
import { registerUploadExpiry, scheduleUploadExpiry } from '../tus/expired-uploads.ts';
import type { UploadStore } from '../tus/upload-store.ts';
import type { JobQueue } from './job-queue.ts';

export interface StorageJobsOptions {
  databases: InstanceDatabases;
  dataDir: string;
  uploads: UploadStore;
  trashRetentionDays: number;
  /** An instance's trash lost items (the storage process wakes its changes feed). */
  onPurged?: (instanceId: string) => void;
}

/**
 * Every job kind of the storage, registered alike by the storage process (which enqueues them,
 * and runs them unless JOBS_WORKER=off) and by a worker process; then the storage's own schedules.
 */
export async function registerStorageJobs(jobs: JobQueue, { databases, dataDir, uploads, trashRetentionDays, onPurged }: StorageJobsOptions): Promise<void> {
  registerTrashPurge(jobs, databases, { olderThanDays: trashRetentionDays, onPurged });
  registerUploadExpiry(jobs, uploads, dataDir);
  await scheduleUploadExpiry(jobs);
}
