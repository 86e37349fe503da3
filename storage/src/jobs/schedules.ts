import { randomUUID } from 'node:crypto';
import { Cron } from 'croner';
import type { SqlDb } from '@mytoutatice/sql';
import { insertJob } from './job-rows.ts';

/** A cron schedule of one queue: the kind it runs, and how its runs are spread. */
export interface Schedule {
  /** Unique in its queue; at most one run of it waits or runs at a time. */
  name: string;
  kind: string;
  /** The payload's JSON text (validated by the kind's schema before it is stored). */
  payload: string;
  /** Five or six fields (croner): `0 3 * * *` is every day at 3 a.m. */
  cron: string;
  /** IANA zone the cron is read in (« 3 a.m. » for people in France). */
  timezone: string;
  /** Each run is put off by a random delay below this, so many instances do not all start together. */
  spreadMs: number;
}

/** When a schedule runs next after `after`: its next cron time, plus a random part of its spread. */
export function nextRunOf(schedule: Pick<Schedule, 'cron' | 'timezone' | 'spreadMs'>, after: Date, random = Math.random): string {
  const next = new Cron(schedule.cron, { timezone: schedule.timezone }).nextRun(after);
  if (!next) throw new Error(`cron « ${schedule.cron} » never runs again`);
  return new Date(next.getTime() + Math.floor(random() * schedule.spreadMs)).toISOString();
}

/** Throws on a pattern croner does not read, so a bad schedule is refused when it is defined. */
export function assertCron(cron: string, timezone: string): void {
  new Cron(cron, { timezone });
}

async function scheduleOf(db: SqlDb, name: string): Promise<Schedule | undefined> {
  const row = await db.get('SELECT * FROM job_schedules WHERE name = ?', name);
  if (!row) return undefined;
  return {
    name,
    kind: String(row.kind),
    payload: String(row.payload),
    cron: String(row.cron),
    timezone: String(row.timezone),
    spreadMs: Number(row.spread_ms),
  };
}

/**
 * Stores the schedule's next run as a queued job, unless one already waits or runs (the unique
 * index on pending scheduled jobs holds that even against another worker). Answers its time,
 * or undefined when none was added. Call in the transaction that ended the previous run, so a
 * crash loses neither.
 */
export async function queueNextRun(db: SqlDb, name: string, now: Date, maxAttempts: number): Promise<string | undefined> {
  const schedule = await scheduleOf(db, name);
  if (!schedule) return undefined;
  const pending = await db.get(`SELECT id FROM jobs WHERE schedule = ? AND state IN ('queued', 'running')`, name);
  if (pending) return undefined;
  const runAt = nextRunOf(schedule, now);
  await insertJob(db, { id: randomUUID(), kind: schedule.kind, payload: schedule.payload, runAt, maxAttempts, schedule: name, createdAt: now.toISOString() });
  return runAt;
}

/**
 * Creates or changes a schedule. A changed timing moves its waiting run to the new next time;
 * an unchanged one keeps it, so defining schedules at every start neither adds nor moves runs.
 * Answers when a run was queued (undefined when the waiting one stays).
 */
export async function putSchedule(db: SqlDb, schedule: Schedule, now: Date, maxAttempts: number): Promise<string | undefined> {
  const before = await scheduleOf(db, schedule.name);
  const same = before && before.kind === schedule.kind && before.payload === schedule.payload && before.cron === schedule.cron
    && before.timezone === schedule.timezone && before.spreadMs === schedule.spreadMs;
  if (same) return queueNextRun(db, schedule.name, now, maxAttempts);
  await db.run(
    `INSERT INTO job_schedules (name, kind, payload, cron, timezone, spread_ms) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET kind = excluded.kind, payload = excluded.payload, cron = excluded.cron,
       timezone = excluded.timezone, spread_ms = excluded.spread_ms`,
    schedule.name,
    schedule.kind,
    schedule.payload,
    schedule.cron,
    schedule.timezone,
    schedule.spreadMs,
  );
  await db.run(`DELETE FROM jobs WHERE schedule = ? AND state = 'queued'`, schedule.name);
  return queueNextRun(db, schedule.name, now, maxAttempts);
}
