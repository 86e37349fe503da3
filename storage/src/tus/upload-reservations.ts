import { isExpired } from './expired-uploads.ts';
import { uploadsIn } from './upload-folder.ts';

/**
 * The room the instance's uploads in progress hold: their announced sizes, counted against the
 * quota when another upload is created (two 3 GB uploads do not both start in 5 GB). Read from
 * their records, so it survives a restart; a finished, terminated or expired upload holds none.
 */
export async function reservedBytesIn(folder: string, now = Date.now()): Promise<number> {
  let reserved = 0;
  for (const upload of await uploadsIn(folder)) if (!isExpired(upload, now)) reserved += upload.size;
  return reserved;
}
