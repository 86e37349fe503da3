import { randomUUID } from 'node:crypto';
import type { SqlDb } from '@mytoutatice/sql';
import { dueQueues, forgetQueue, indexUnknownInstances, markDue, postponeDue, REGISTRY_QUEUE, resetDue, settleDue, type DueQueue } from './due-index.ts';
import { JobFailure, type JobKind, type JobQueue } from './job-queue.ts';
import { claimJob, markDone, markFailed, markRetry, pruneJobs, release, type ClaimedJob, type RecordedError } from './job-rows.ts';
import { queueNextRun } from './schedules.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface JobWorkerOptions {
  /** How often the registry's index is read for due work. */
  pollMs?: number;
  /** A lease lasts the kind's timeout plus this: the time a live worker needs to record a timeout. */
  leaseGraceMs?: number;
  /** Queues looked at per poll. */
  batch?: number;
  /** Done jobs are kept this long, failed ones `keepFailedMs`, then pruned. */
  keepDoneMs?: number;
  keepFailedMs?: number;
  /** Whether the poll timer keeps the process alive: a worker process of its own needs it to. */
  keepAlive?: boolean;
  /** A job or a queue that failed (logged by the caller); the worker goes on. */
  onError?: (error: unknown, context: { queue?: string; jobId?: string; kind?: string }) => void;
}

type Outcome = { ok: true } | { ok: false; error: RecordedError; retryable: boolean } | { stopped: true };

const iso = (ms: number) => new Date(ms).toISOString();

/** A payload that is not JSON (a row written by hand) fails its schema like any other bad one. */
function jsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function failureOf(error: unknown): { error: RecordedError; retryable: boolean } {
  if (error instanceof JobFailure) return { error: { code: error.code, message: error.message }, retryable: error.retryable };
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return { error: { code: typeof code === 'string' ? code : 'internal', message }, retryable: true };
}

/**
 * Runs the jobs of a JobQueue: inside the storage process (JOBS_WORKER=inline) or as a process
 * of its own (jobs/worker-main.ts); several may run on one PostgreSQL database. It reads the
 * registry's index for queues with due work, claims jobs there (each claim holds a lease; a job
 * whose worker died is claimed again once its lease ends), and records each outcome: done,
 * retried after a doubling backoff, or failed with its error code after its last attempt.
 * Concurrency limits are per kind and per worker process.
 */
export class JobWorker {
  readonly #queue: JobQueue;
  readonly #pollMs: number;
  readonly #leaseGraceMs: number;
  readonly #batch: number;
  readonly #keepDoneMs: number;
  readonly #keepFailedMs: number;
  readonly #onError: NonNullable<JobWorkerOptions['onError']>;
  readonly #keepAlive: boolean;
  readonly #running = new Map<string, number>();
  readonly #inFlight = new Set<Promise<void>>();
  readonly #stopping = new AbortController();
  #timer: NodeJS.Timeout | undefined;
  #ticking: Promise<void> | undefined;
  #again = false;
  #unsubscribe: (() => void) | undefined;

  constructor(queue: JobQueue, options: JobWorkerOptions = {}) {
    this.#queue = queue;
    this.#pollMs = options.pollMs ?? 1000;
    this.#leaseGraceMs = options.leaseGraceMs ?? 30_000;
    this.#batch = options.batch ?? 50;
    this.#keepDoneMs = options.keepDoneMs ?? 7 * DAY_MS;
    this.#keepFailedMs = options.keepFailedMs ?? 30 * DAY_MS;
    this.#onError = options.onError ?? (() => undefined);
    this.#keepAlive = options.keepAlive ?? false;
  }

  /** Repairs the index (see recoverIndex), then polls until stopped. */
  async start(): Promise<void> {
    await this.recoverIndex();
    this.#unsubscribe = this.#queue.onEnqueue(() => this.poke());
    this.poke();
  }

  /**
   * On PostgreSQL the index is written in the transactions that make work due, so only instances
   * made before jobs existed are missing: they are marked due. On SQLite the registry is another
   * file, so the index is rebuilt from every instance's own tables (its first open also migrates
   * it, adding its jobs and schedules).
   */
  async recoverIndex(): Promise<void> {
    const registry = this.#queue.registry;
    if (registry.dialect === 'postgres') {
      await indexUnknownInstances(registry);
      return;
    }
    const queues = [REGISTRY_QUEUE, ...(await registry.all('SELECT id FROM instances')).map((row) => String(row.id))];
    for (const queue of queues) {
      try {
        const db = this.#queue.db(queue);
        await this.#underWriterLock(db, () => resetDue(registry, queue, db));
      } catch (error) {
        this.#onError(error, { queue });
      }
    }
    await registry.run(`DELETE FROM job_due WHERE queue <> ? AND queue NOT IN (SELECT id FROM instances)`, REGISTRY_QUEUE);
  }

  /** Looks for due work now rather than at the next poll. */
  poke(): void {
    if (this.#stopping.signal.aborted) return;
    if (this.#ticking) {
      this.#again = true;
      return;
    }
    clearTimeout(this.#timer);
    this.#ticking = this.#tick()
      .catch((error: unknown) => this.#onError(error, {}))
      .finally(() => {
        this.#ticking = undefined;
        if (this.#stopping.signal.aborted) return;
        if (this.#again) {
          this.#again = false;
          this.poke();
          return;
        }
        this.#timer = setTimeout(() => this.poke(), this.#pollMs);
        if (!this.#keepAlive) this.#timer.unref();
      });
  }

  /** One pass over the queues due now: claims what this worker has room for. */
  async #tick(): Promise<void> {
    for (const due of await dueQueues(this.#queue.registry, iso(Date.now()), this.#batch)) {
      if (this.#stopping.signal.aborted) return;
      await this.#visit(due);
    }
  }

  async #visit(due: DueQueue): Promise<void> {
    const registry = this.#queue.registry;
    try {
      const db = this.#queue.db(due.queue);
      for (const kind of this.#queue.kinds()) {
        while ((this.#running.get(kind.name) ?? 0) < kind.concurrency && !this.#stopping.signal.aborted) {
          const now = Date.now();
          const job = await claimJob(db, kind.name, randomUUID(), iso(now), iso(now + kind.timeoutMs + this.#leaseGraceMs));
          if (!job) break;
          this.#launch(due.queue, db, kind, job);
        }
      }
      await this.#underWriterLock(db, () => settleDue(db, registry, due.queue, due.mark));
    } catch (error) {
      this.#onError(error, { queue: due.queue });
      const gone = due.queue !== REGISTRY_QUEUE && !(await registry.get('SELECT id FROM instances WHERE id = ?', due.queue));
      if (gone) await forgetQueue(registry, due.queue);
      else await postponeDue(registry, due.queue, iso(Date.now() + 60_000));
    }
  }

  /**
   * Looks at a queue under its writer lock: a transaction that made work due there has then
   * committed, so the look cannot miss work whose index row it already saw (SQLite writes that
   * row to the registry before the instance commits).
   */
  #underWriterLock(db: SqlDb, look: () => Promise<void>): Promise<void> {
    return db.transaction(look);
  }

  #launch(queue: string, db: SqlDb, kind: JobKind, job: ClaimedJob): void {
    this.#running.set(kind.name, (this.#running.get(kind.name) ?? 0) + 1);
    const run = this.#run(queue, db, kind, job)
      .catch((error: unknown) => this.#onError(error, { queue, jobId: job.id, kind: kind.name }))
      .finally(() => {
        this.#running.set(kind.name, (this.#running.get(kind.name) ?? 1) - 1);
        this.#inFlight.delete(run);
        this.poke();
      });
    this.#inFlight.add(run);
  }

  async #run(queue: string, db: SqlDb, kind: JobKind, job: ClaimedJob): Promise<void> {
    const outcome = await this.#outcome(queue, kind, job);
    if ('stopped' in outcome) {
      await release(db, job, iso(Date.now()));
      return;
    }
    if (!outcome.ok) this.#onError(new Error(`${outcome.error.code}: ${outcome.error.message}`), { queue, jobId: job.id, kind: kind.name });
    await this.#record(queue, db, kind, job, outcome);
  }

  /** Runs the handler under the kind's timeout; a worker stopping gives the job back unfinished. */
  async #outcome(queue: string, kind: JobKind, job: ClaimedJob): Promise<Outcome> {
    if (job.attempts > job.maxAttempts) {
      // Its last attempt's worker died (or hung) past the lease: no attempt left.
      return { ok: false, error: { code: 'lease_expired', message: 'its last attempt outlived its lease without finishing' }, retryable: false };
    }
    const parsed = kind.payload.safeParse(jsonOrUndefined(job.payload));
    if (!parsed.success) return { ok: false, error: { code: 'invalid_payload', message: parsed.error.message }, retryable: false };

    const controller = new AbortController();
    const stopped = this.#stopping.signal;
    let timer: NodeJS.Timeout | undefined;
    let onStop: (() => void) | undefined;
    const handled = Promise.resolve().then(() => kind.handler(parsed.data, { queue, jobId: job.id, attempt: job.attempts, signal: controller.signal }));
    const limits = new Promise<Outcome>((resolve) => {
      timer = setTimeout(() => {
        controller.abort(new Error('timeout'));
        resolve({ ok: false, error: { code: 'timeout', message: `ran longer than ${kind.timeoutMs} ms` }, retryable: true });
      }, kind.timeoutMs);
      onStop = () => {
        controller.abort(new Error('worker stopping'));
        resolve({ stopped: true });
      };
      if (stopped.aborted) onStop();
      else stopped.addEventListener('abort', onStop, { once: true });
    });
    try {
      return await Promise.race([handled.then((): Outcome => ({ ok: true }), (error: unknown): Outcome => ({ ok: false, ...failureOf(error) })), limits]);
    } finally {
      clearTimeout(timer);
      if (onStop) stopped.removeEventListener('abort', onStop);
      // A handler still going after its timeout is abandoned (it was told through its signal).
      handled.catch(() => undefined);
    }
  }

  /** The outcome, the schedule's next run and the index, in one transaction of the queue. */
  async #record(queue: string, db: SqlDb, kind: JobKind, job: ClaimedJob, outcome: { ok: true } | { ok: false; error: RecordedError; retryable: boolean }): Promise<void> {
    const registry = this.#queue.registry;
    const now = Date.now();
    await db.transaction(async () => {
      let ended: boolean;
      if (outcome.ok) {
        ended = await markDone(db, job, iso(now));
        if (ended) await pruneJobs(db, iso(now - this.#keepDoneMs), iso(now - this.#keepFailedMs));
      } else if (outcome.retryable && job.attempts < job.maxAttempts) {
        const runAt = iso(now + Math.min(kind.backoffMs * 2 ** (job.attempts - 1), kind.maxBackoffMs));
        if (await markRetry(db, job, runAt, outcome.error)) await markDue(db, registry, queue, runAt);
        return;
      } else {
        ended = await markFailed(db, job, iso(now), outcome.error);
      }
      if (ended && job.schedule) {
        const next = await queueNextRun(db, job.schedule, new Date(now), kind.maxAttempts);
        if (next) await markDue(db, registry, queue, next);
      }
    });
  }

  /** Stops polling; running jobs are told to stop and given back to the queue unfinished. */
  async stop(): Promise<void> {
    this.#stopping.abort();
    this.#unsubscribe?.();
    clearTimeout(this.#timer);
    await this.#ticking;
    await Promise.all([...this.#inFlight]);
  }
}
