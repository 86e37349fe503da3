import { z } from 'zod';
import type { InstanceDatabases } from '../instances/instance-databases.ts';
import type { JobQueue } from '../jobs/job-queue.ts';
import { purgeTrash } from './destroy.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The job kind that empties one instance's trash of what has been there past the retention.
 * Every instance has it on a daily schedule from its schema step (v8Jobs on SQLite, step 9 on
 * PostgreSQL): around 3 a.m. Paris time, spread over 3 hours.
 */
export const TRASH_PURGE = 'trash.purge';

export interface TrashPurgeOptions {
  /** Items stay this long in the trash (TRASH_RETENTION_DAYS). */
  olderThanDays: number;
  /** Called after an instance lost items (e.g. to wake the changes feed's followers). */
  onPurged?: (instanceId: string, count: number) => void;
}

export function registerTrashPurge(jobs: JobQueue, databases: InstanceDatabases, { olderThanDays, onPurged = () => undefined }: TrashPurgeOptions): void {
  jobs.register(
    TRASH_PURGE,
    async (_payload, { queue }) => {
      const count = await purgeTrash(databases, queue, olderThanDays * DAY_MS);
      if (count > 0) onPurged(queue, count);
    },
    { payload: z.object({}), concurrency: 2, timeoutMs: 30 * 60 * 1000, maxAttempts: 5, backoffMs: 60_000 },
  );
}
