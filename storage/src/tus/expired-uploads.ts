import { z } from 'zod';
import { REGISTRY_QUEUE } from '../jobs/due-index.ts';
import type { JobQueue } from '../jobs/job-queue.ts';
import { uploadStoreRoot, uploadsFolder, UPLOADS_FOLDER } from './upload-ids.ts';
import { instancesIn, uploadsIn, type FolderUpload } from './upload-folder.ts';
import type { UploadStore } from './upload-store.ts';

/** How long an unfinished upload is kept (the tus expiration extension), from its creation. */
export const UPLOAD_EXPIRY_MS = 24 * 60 * 60 * 1000;

export function isExpired(upload: FolderUpload, now = Date.now()): boolean {
  return now - upload.createdAt > UPLOAD_EXPIRY_MS;
}

/**
 * The uploads in one instance's upload folder (`<instance>/uploads/`) past their expiry at
 * `now`: what the sweep removes and fsck reports. Those still within it are uploads in progress.
 */
export async function expiredUploadsIn(folder: string, now = Date.now()): Promise<FolderUpload[]> {
  return (await uploadsIn(folder)).filter((upload) => isExpired(upload, now));
}

/** Removes every unfinished upload past its expiry, in every instance; answers how many. */
export async function sweepExpiredUploads(store: UploadStore, dataDir: string, now = Date.now()): Promise<number> {
  const root = uploadStoreRoot(dataDir);
  let swept = 0;
  for (const instanceId of await instancesIn(root)) {
    for (const { id } of await expiredUploadsIn(uploadsFolder(root, instanceId), now)) {
      await store.discard(`${instanceId}/${UPLOADS_FOLDER}/${id}`);
      swept++;
    }
  }
  return swept;
}

/** The job kind that sweeps every instance's expired uploads: the storage's own, hourly. */
export const UPLOAD_EXPIRY = 'uploads.expire';

export function registerUploadExpiry(jobs: JobQueue, store: UploadStore, dataDir: string): void {
  jobs.register(
    UPLOAD_EXPIRY,
    async () => {
      await sweepExpiredUploads(store, dataDir);
    },
    { payload: z.object({}), timeoutMs: 30 * 60 * 1000, maxAttempts: 3, backoffMs: 60_000 },
  );
}

/** Its schedule in the registry's queue (idempotent: every process that registers it defines it at start). */
export function scheduleUploadExpiry(jobs: JobQueue): Promise<void> {
  return jobs.schedule(REGISTRY_QUEUE, { name: UPLOAD_EXPIRY, kind: UPLOAD_EXPIRY, payload: {}, cron: '7 * * * *' });
}
