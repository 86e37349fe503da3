import { copyFile, link, mkdir, open, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Makes a rename or a link durable (the directory entry), where the platform allows it. */
export async function syncDirectory(path: string): Promise<void> {
  try {
    const dir = await open(path, 'r');
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
  } catch {
    // Not supported everywhere (e.g. Windows); the file itself is already fsynced.
  }
}

async function syncFile(path: string): Promise<void> {
  const file = await open(path, 'r+');
  try {
    await file.sync();
  } finally {
    await file.close();
  }
}

/**
 * A second blob with the same bytes. A hard link costs no disk: blobs are never written in
 * place (an upload renames a new file over the path), so the two can never diverge. Where links
 * are not possible (another device, some file systems), a real copy, fsynced.
 */
export async function cloneBlob(from: string, to: string): Promise<void> {
  await mkdir(dirname(to), { recursive: true });
  try {
    await link(from, to);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EMLINK') throw error;
    await copyFile(from, to);
    await syncFile(to);
  }
  await syncDirectory(dirname(to));
}

/** Removals in flight at once: an emptied trash may hold 100 000 files. */
const REMOVE_BATCH = 64;

/**
 * Removes blobs whose rows are gone (after the transaction committed). A failure or a crash here
 * only leaves orphan blobs, which fsck reports and repairs; never a row without its content.
 */
export async function removeBlobs(paths: readonly string[]): Promise<void> {
  for (let start = 0; start < paths.length; start += REMOVE_BATCH) {
    const batch = paths.slice(start, start + REMOVE_BATCH);
    await Promise.all(batch.map((path) => rm(path, { force: true }).catch(() => undefined)));
  }
}
