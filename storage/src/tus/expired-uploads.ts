import { uploadStoreRoot, uploadsFolder, UPLOADS_FOLDER } from './upload-ids.ts';
import { instancesIn, uploadsIn, type FolderUpload } from './upload-folder.ts';
import type { UploadStore } from './upload-store.ts';

/** How long an unfinished upload is kept (the tus expiration extension), from its creation. */
export const UPLOAD_EXPIRY_MS = 24 * 60 * 60 * 1000;

const SWEEP_EVERY_MS = 60 * 60 * 1000;

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

/** The hourly sweep; `stop()` when the storage closes. */
export function startUploadSweep(store: UploadStore, dataDir: string, onError: (err: unknown) => void): { stop(): void } {
  const timer = setInterval(() => {
    sweepExpiredUploads(store, dataDir).catch(onError);
  }, SWEEP_EVERY_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
