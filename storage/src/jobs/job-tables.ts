import type { Dialect } from '@mytoutatice/sql';

/**
 * The queue's tables, the same in every instance (its own work) and in the registry (work of
 * the whole storage, such as the expiry of unfinished uploads). Idempotent, so the registry can
 * run it at every start; published instance steps run it once. A change is a new step.
 *
 * - `jobs`: one row per job, from queued to done or failed. Times are ISO strings (UTC), which
 *   order as text. A running job's `claim` names the claim that holds it until `lease_until`.
 *   `schedule` names the schedule a job is the next run of: at most one such job waits or runs.
 * - `job_schedules`: the cron schedules of this queue; their next run is a `jobs` row.
 */
const TABLES: Record<Dialect, string> = {
  sqlite: `
    CREATE TABLE IF NOT EXISTS jobs (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL,
      payload TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
      run_at TEXT NOT NULL,
      attempts INTEGER NOT NULL DEFAULT 0,
      max_attempts INTEGER NOT NULL,
      claim TEXT,
      lease_until TEXT,
      error_code TEXT,
      error_message TEXT,
      schedule TEXT,
      created_at TEXT NOT NULL,
      started_at TEXT,
      finished_at TEXT
    );
    CREATE INDEX IF NOT EXISTS jobs_due ON jobs (state, run_at);
    CREATE INDEX IF NOT EXISTS jobs_finished ON jobs (state, finished_at);
    CREATE UNIQUE INDEX IF NOT EXISTS jobs_schedule_pending ON jobs (schedule)
      WHERE schedule IS NOT NULL AND state IN ('queued', 'running');
    CREATE TABLE IF NOT EXISTS job_schedules (
      name TEXT PRIMARY KEY,
      kind TEXT NOT NULL,
      payload TEXT NOT NULL,
      cron TEXT NOT NULL,
      timezone TEXT NOT NULL,
      spread_ms INTEGER NOT NULL
    );`,
  postgres: `
    CREATE TABLE IF NOT EXISTS jobs (
      id TEXT COLLATE "C" PRIMARY KEY,
      kind TEXT COLLATE "C" NOT NULL,
      payload TEXT NOT NULL,
      state TEXT COLLATE "C" NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
      run_at TEXT COLLATE "C" NOT NULL,
      attempts INTEGER NOT NULL DEFAULT 0,
      max_attempts INTEGER NOT NULL,
      claim TEXT,
      lease_until TEXT COLLATE "C",
      error_code TEXT,
      error_message TEXT,
      schedule TEXT COLLATE "C",
      created_at TEXT COLLATE "C" NOT NULL,
      started_at TEXT COLLATE "C",
      finished_at TEXT COLLATE "C"
    );
    CREATE INDEX IF NOT EXISTS jobs_due ON jobs (state, run_at);
    CREATE INDEX IF NOT EXISTS jobs_finished ON jobs (state, finished_at);
    CREATE UNIQUE INDEX IF NOT EXISTS jobs_schedule_pending ON jobs (schedule)
      WHERE schedule IS NOT NULL AND state IN ('queued', 'running');
    CREATE TABLE IF NOT EXISTS job_schedules (
      name TEXT COLLATE "C" PRIMARY KEY,
      kind TEXT COLLATE "C" NOT NULL,
      payload TEXT NOT NULL,
      cron TEXT NOT NULL,
      timezone TEXT NOT NULL,
      spread_ms BIGINT NOT NULL
    );`,
};

/**
 * The registry's index of queues with work: one row per queue (an instance id, or
 * REGISTRY_QUEUE) holding the earliest time it has something to run or a lease to take back, so
 * workers open only those instances. `mark` changes with every write that makes work due: a
 * worker lowers the row only if the mark it read before looking is still there.
 */
const DUE_INDEX: Record<Dialect, string> = {
  sqlite: `
    CREATE TABLE IF NOT EXISTS job_due (queue TEXT PRIMARY KEY, due_at TEXT NOT NULL, mark TEXT NOT NULL);
    CREATE INDEX IF NOT EXISTS job_due_at ON job_due (due_at);`,
  postgres: `
    CREATE TABLE IF NOT EXISTS registry.job_due (queue TEXT COLLATE "C" PRIMARY KEY, due_at TEXT COLLATE "C" NOT NULL, mark TEXT NOT NULL);
    CREATE INDEX IF NOT EXISTS job_due_at ON registry.job_due (due_at);`,
};

export function jobTablesDdl(dialect: Dialect): string {
  return TABLES[dialect];
}

export function dueIndexDdl(dialect: Dialect): string {
  return DUE_INDEX[dialect];
}
