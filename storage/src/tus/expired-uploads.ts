import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { UPLOADS_FOLDER, uploadStoreRoot } from './upload-ids.ts';
import type { UploadStore } from './upload-store.ts';

/** How long an unfinished upload is kept (the tus expiration extension), from its creation. */
export const UPLOAD_EXPIRY_MS = 24 * 60 * 60 * 1000;

const SWEEP_EVERY_MS = 60 * 60 * 1000;
const RECORD = '.json';

interface ExpiredUpload {
  /** The public id. */
  id: string;
  /** Its files in the folder (bytes, record), by name. */
  names: string[];
}

async function namesIn(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return [];
    throw error;
  }
}

async function recordedCreation(path: string): Promise<number> {
  try {
    return Date.parse(String((JSON.parse(await readFile(path, 'utf8')) as { creation_date?: unknown }).creation_date));
  } catch {
    return Number.NaN;
  }
}

/** When an upload began: its record's `creation_date`; lacking a readable one (a crash between the two files), its newest file's time. */
async function createdAt(folder: string, id: string, names: string[]): Promise<number> {
  const recorded = names.includes(`${id}${RECORD}`) ? await recordedCreation(join(folder, `${id}${RECORD}`)) : Number.NaN;
  if (!Number.isNaN(recorded)) return recorded;
  const times = await Promise.all(names.map(async (name) => (await stat(join(folder, name)).catch(() => undefined))?.mtimeMs ?? 0));
  return Math.max(...times);
}

/**
 * The uploads in one instance's upload folder (`<instance>/uploads/`) past their expiry at
 * `now`: what the sweep removes and fsck reports. Those still within it are uploads in progress.
 */
export async function expiredUploadsIn(folder: string, now = Date.now()): Promise<ExpiredUpload[]> {
  const byId = new Map<string, string[]>();
  for (const name of await namesIn(folder)) {
    const id = name.endsWith(RECORD) ? name.slice(0, -RECORD.length) : name;
    byId.set(id, [...(byId.get(id) ?? []), name]);
  }
  const expired: ExpiredUpload[] = [];
  for (const [id, names] of byId) {
    if (now - (await createdAt(folder, id, names)) > UPLOAD_EXPIRY_MS) expired.push({ id, names: names.sort() });
  }
  return expired;
}

/** Removes every unfinished upload past its expiry, in every instance; answers how many. */
export async function sweepExpiredUploads(store: UploadStore, dataDir: string, now = Date.now()): Promise<number> {
  const root = uploadStoreRoot(dataDir);
  let swept = 0;
  for (const instanceId of await namesIn(root)) {
    for (const { id } of await expiredUploadsIn(join(root, instanceId, UPLOADS_FOLDER), now)) {
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
