import { randomUUID } from 'node:crypto';
import type { SqlDb } from '@mytoutatice/sql';
import { nextDue } from './job-rows.ts';

/** The queue of work that belongs to no instance (its tables are in the registry). */
export const REGISTRY_QUEUE = 'registry';

/** Before any ISO time: due at once. */
export const EPOCH = '1970-01-01T00:00:00.000Z';

export interface DueQueue {
  queue: string;
  dueAt: string;
  mark: string;
}

/**
 * Where the index is written from a queue's own handle. On PostgreSQL the registry is a schema
 * of the same database, so the write joins the transaction that made the work due (the instance's
 * `jobs` row and its index row commit together). On SQLite it is another file: the write goes
 * to the registry at once, before the instance commits, so the index may name a queue with
 * nothing due (harmless: a worker looks, finds nothing, lowers it), and the worker rebuilds it
 * from the instances at start.
 */
function indexTarget(queueDb: SqlDb, registry: SqlDb): { db: SqlDb; table: string } {
  return queueDb.dialect === 'postgres' ? { db: queueDb, table: 'registry.job_due' } : { db: registry, table: 'job_due' };
}

/** Records that `queue` has work due at `dueAt` (kept if earlier work is already due), with a new mark. */
export async function markDue(queueDb: SqlDb, registry: SqlDb, queue: string, dueAt: string): Promise<void> {
  const { db, table } = indexTarget(queueDb, registry);
  await db.run(
    `INSERT INTO ${table} AS d (queue, due_at, mark) VALUES (?, ?, ?)
     ON CONFLICT (queue) DO UPDATE SET due_at = CASE WHEN excluded.due_at < d.due_at THEN excluded.due_at ELSE d.due_at END, mark = excluded.mark`,
    queue,
    dueAt,
    randomUUID(),
  );
}

/** The queues with work due at `now`, earliest first. */
export async function dueQueues(registry: SqlDb, now: string, limit: number): Promise<DueQueue[]> {
  const rows = await registry.all('SELECT queue, due_at, mark FROM job_due WHERE due_at <= ? ORDER BY due_at LIMIT ?', now, limit);
  return rows.map((row) => ({ queue: String(row.queue), dueAt: String(row.due_at), mark: String(row.mark) }));
}

/**
 * Sets the queue's next due time to what its tables hold (undefined when nothing waits), unless
 * work was made due since `mark` was read: that write's row stays, to be looked at again.
 */
export async function settleDue(queueDb: SqlDb, registry: SqlDb, queue: string, mark: string): Promise<void> {
  const next = await nextDue(queueDb);
  const { db, table } = indexTarget(queueDb, registry);
  if (next === undefined) await db.run(`DELETE FROM ${table} WHERE queue = ? AND mark = ?`, queue, mark);
  else await db.run(`UPDATE ${table} SET due_at = ? WHERE queue = ? AND mark = ?`, next, queue, mark);
}

/** Sets the queue's due time from its own tables, whatever it was (SQLite's recovery pass). */
export async function resetDue(registry: SqlDb, queue: string, queueDb: SqlDb): Promise<void> {
  const next = await nextDue(queueDb);
  if (next === undefined) {
    await registry.run('DELETE FROM job_due WHERE queue = ?', queue);
    return;
  }
  await registry.run(
    `INSERT INTO job_due (queue, due_at, mark) VALUES (?, ?, ?) ON CONFLICT (queue) DO UPDATE SET due_at = excluded.due_at, mark = excluded.mark`,
    queue,
    next,
    randomUUID(),
  );
}

/** Puts `queue` off until `dueAt` whatever its mark (a queue that failed to open is not retried in a loop). */
export async function postponeDue(registry: SqlDb, queue: string, dueAt: string): Promise<void> {
  await registry.run('UPDATE job_due SET due_at = ? WHERE queue = ?', dueAt, queue);
}

export async function forgetQueue(registry: SqlDb, queue: string): Promise<void> {
  await registry.run('DELETE FROM job_due WHERE queue = ?', queue);
}

/**
 * Marks due every instance the index does not know (instances made before jobs existed, whose
 * first open adds their tables and schedules): one statement, run by workers at start.
 */
export async function indexUnknownInstances(registry: SqlDb): Promise<void> {
  await registry.run(
    `INSERT INTO job_due (queue, due_at, mark) SELECT id, ?, ? FROM instances WHERE true ON CONFLICT (queue) DO NOTHING`,
    EPOCH,
    randomUUID(),
  );
}
