import type { Row, SqlDb, SqlValue } from '@mytoutatice/sql';

export type JobStateName = 'queued' | 'running' | 'done' | 'failed';

/** A job as its queue's owner reads it. */
export interface JobState {
  id: string;
  kind: string;
  state: JobStateName;
  /** When it may run next (queued), or when it was due. */
  runAt: string;
  attempts: number;
  maxAttempts: number;
  /** The last failure's code: the final one once `failed`, the last attempt's while retried. */
  errorCode: string | null;
  schedule: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

/** A job a worker holds: what it needs to run it and to record the outcome. */
export interface ClaimedJob {
  id: string;
  kind: string;
  payload: string;
  attempts: number;
  maxAttempts: number;
  schedule: string | null;
  claim: string;
}

export interface NewJob {
  id: string;
  kind: string;
  payload: string;
  runAt: string;
  maxAttempts: number;
  schedule?: string;
  createdAt: string;
}

const nullableString = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

function toState(row: Row): JobState {
  return {
    id: String(row.id),
    kind: String(row.kind),
    state: String(row.state) as JobStateName,
    runAt: String(row.run_at),
    attempts: Number(row.attempts),
    maxAttempts: Number(row.max_attempts),
    errorCode: nullableString(row.error_code),
    schedule: nullableString(row.schedule),
    createdAt: String(row.created_at),
    startedAt: nullableString(row.started_at),
    finishedAt: nullableString(row.finished_at),
  };
}

export async function insertJob(db: SqlDb, job: NewJob): Promise<void> {
  await db.run(
    `INSERT INTO jobs (id, kind, payload, state, run_at, attempts, max_attempts, schedule, created_at)
     VALUES (?, ?, ?, 'queued', ?, 0, ?, ?, ?)`,
    job.id,
    job.kind,
    job.payload,
    job.runAt,
    job.maxAttempts,
    job.schedule ?? null,
    job.createdAt,
  );
}

/**
 * Several workers may claim at once: PostgreSQL's SKIP LOCKED lets each take another row rather
 * than wait; SQLite has one writer at a time, so the statement alone is enough there.
 */
function skipLocked(db: SqlDb): string {
  return db.dialect === 'postgres' ? 'FOR UPDATE SKIP LOCKED' : '';
}

const CLAIMABLE = `kind = ? AND ((state = 'queued' AND run_at <= ?) OR (state = 'running' AND lease_until <= ?))`;

/**
 * Takes the oldest due job of `kind` — queued, or running under a lease that ran out (its worker
 * died) — for `claim` until `leaseUntil`, counting an attempt. One statement: two workers never
 * take the same row, and the outer condition holds again if another claimed it meanwhile.
 */
export async function claimJob(db: SqlDb, kind: string, claim: string, now: string, leaseUntil: string): Promise<ClaimedJob | undefined> {
  const row = await db.get(
    `UPDATE jobs SET state = 'running', attempts = attempts + 1, claim = ?, lease_until = ?, started_at = ?
     WHERE id = (SELECT id FROM jobs WHERE ${CLAIMABLE} ORDER BY run_at LIMIT 1 ${skipLocked(db)}) AND ${CLAIMABLE}
     RETURNING id, kind, payload, attempts, max_attempts, schedule`,
    claim,
    leaseUntil,
    now,
    kind,
    now,
    now,
    kind,
    now,
    now,
  );
  if (!row) return undefined;
  return {
    id: String(row.id),
    kind: String(row.kind),
    payload: String(row.payload),
    attempts: Number(row.attempts),
    maxAttempts: Number(row.max_attempts),
    schedule: nullableString(row.schedule),
    claim,
  };
}

/**
 * Ends the claim `job` holds with `assignments` (SQL, `?` for `values`); false when the claim
 * was lost (its lease ran out and another took the job), so a late worker overwrites nothing.
 */
async function settle(db: SqlDb, job: ClaimedJob, assignments: string, ...values: SqlValue[]): Promise<boolean> {
  const changed = await db.run(
    `UPDATE jobs SET ${assignments}, claim = NULL, lease_until = NULL WHERE id = ? AND claim = ? AND state = 'running'`,
    ...values,
    job.id,
    job.claim,
  );
  return changed === 1;
}

/** Records success. */
export function markDone(db: SqlDb, job: ClaimedJob, now: string): Promise<boolean> {
  return settle(db, job, `state = 'done', finished_at = ?, error_code = NULL, error_message = NULL`, now);
}

export interface RecordedError {
  code: string;
  message: string;
}

/** Puts the job back in the queue until `runAt`, keeping the attempt's error. */
export function markRetry(db: SqlDb, job: ClaimedJob, runAt: string, error: RecordedError): Promise<boolean> {
  return settle(db, job, `state = 'queued', run_at = ?, error_code = ?, error_message = ?`, runAt, error.code, error.message);
}

export function markFailed(db: SqlDb, job: ClaimedJob, now: string, error: RecordedError): Promise<boolean> {
  return settle(db, job, `state = 'failed', finished_at = ?, error_code = ?, error_message = ?`, now, error.code, error.message);
}

/** Gives back a job its worker stopped before the end (a shutdown), without counting the attempt. */
export function release(db: SqlDb, job: ClaimedJob, now: string): Promise<boolean> {
  return settle(db, job, `state = 'queued', run_at = ?, attempts = attempts - 1`, now);
}

/** When the queue next needs a worker: its earliest queued job, or the end of a running job's lease. */
export async function nextDue(db: SqlDb): Promise<string | undefined> {
  const row = await db.get(
    `SELECT (SELECT MIN(run_at) FROM jobs WHERE state = 'queued') AS queued,
            (SELECT MIN(lease_until) FROM jobs WHERE state = 'running') AS leased`,
  );
  const times = [row?.queued, row?.leased].filter((time): time is string => typeof time === 'string');
  return times.sort()[0];
}

/** Forgets done jobs finished before `doneBefore` and failed ones before `failedBefore`. */
export async function pruneJobs(db: SqlDb, doneBefore: string, failedBefore: string): Promise<void> {
  await db.run(`DELETE FROM jobs WHERE state = 'done' AND finished_at < ?`, doneBefore);
  await db.run(`DELETE FROM jobs WHERE state = 'failed' AND finished_at < ?`, failedBefore);
}

/** The queue's jobs, newest first. */
export async function listJobs(db: SqlDb, limit = 100): Promise<JobState[]> {
  return (await db.all('SELECT * FROM jobs ORDER BY created_at DESC, id LIMIT ?', limit)).map(toState);
}

export async function jobById(db: SqlDb, id: string): Promise<JobState | undefined> {
  const row = await db.get('SELECT * FROM jobs WHERE id = ?', id);
  return row ? toState(row) : undefined;
}
