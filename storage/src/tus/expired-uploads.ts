import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { UPLOADS_FOLDER, uploadStoreRoot } from './upload-ids.ts';
import { UPLOAD_EXPIRY_MS, type UploadStore } from './upload-store.ts';

const SWEEP_EVERY_MS = 60 * 60 * 1000;

async function namesIn(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return [];
    throw error;
  }
}

/** Removes every unfinished upload created more than a day before `now`; answers how many. */
export async function sweepExpiredUploads(store: UploadStore, dataDir: string, now = Date.now()): Promise<number> {
  const root = uploadStoreRoot(dataDir);
  let swept = 0;
  for (const instanceId of await namesIn(root)) {
    for (const name of await namesIn(join(root, instanceId, UPLOADS_FOLDER))) {
      if (!name.endsWith('.json')) continue;
      const id = `${instanceId}/${UPLOADS_FOLDER}/${name.slice(0, -'.json'.length)}`;
      const upload = await store.configstore.get(id);
      const created = upload?.creation_date === undefined ? Number.NaN : Date.parse(upload.creation_date);
      if (Number.isNaN(created) || now - created > UPLOAD_EXPIRY_MS) {
        await store.discard(id);
        swept++;
      }
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
