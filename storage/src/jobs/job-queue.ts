import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { MetadataBackend } from '../db/metadata-backend.ts';
import type { SqlDb } from '@mytoutatice/sql';
import { markDue, REGISTRY_QUEUE } from './due-index.ts';
import { insertJob, jobById, listJobs, type JobState } from './job-rows.ts';
import { assertCron, putSchedule } from './schedules.ts';

/** What a handler is told besides its payload. */
export interface JobContext {
  /** The instance id, or REGISTRY_QUEUE for the storage's own work. */
  queue: string;
  jobId: string;
  /** 1 for the first run. */
  attempt: number;
  /** Aborted when the kind's timeout is reached or the worker stops: stop there. */
  signal: AbortSignal;
}

export type JobHandler<T> = (payload: T, context: JobContext) => Promise<void>;

export interface JobKindOptions<T> {
  /** Checked when a job is enqueued and again before it runs (an old row may predate a change). */
  payload: z.ZodType<T>;
  /** Jobs of this kind one worker process runs at once. */
  concurrency?: number;
  /** A run taking longer fails with `timeout` (and is retried); its lease ends a grace after. */
  timeoutMs?: number;
  /** Runs before the job is `failed` for good. */
  maxAttempts?: number;
  /** Wait before the 2nd run; doubled for each further one, up to `maxBackoffMs`. */
  backoffMs?: number;
  maxBackoffMs?: number;
}

export interface JobKind {
  name: string;
  payload: z.ZodType;
  handler: JobHandler<unknown>;
  concurrency: number;
  timeoutMs: number;
  maxAttempts: number;
  backoffMs: number;
  maxBackoffMs: number;
}

export interface ScheduleOptions {
  name: string;
  kind: string;
  payload: unknown;
  cron: string;
  /** Defaults to Europe/Paris: « 3 a.m. » means 3 a.m. for the people served. */
  timezone?: string;
  spreadMs?: number;
}

const MINUTE_MS = 60_000;

/** A failure a handler reports with its own code (stored as the job's `error_code`). */
export class JobFailure extends Error {
  readonly code: string;
  /** False for failures another attempt cannot mend (the job is `failed` at once). */
  readonly retryable: boolean;

  constructor(code: string, message: string, { retryable = true }: { retryable?: boolean } = {}) {
    super(message);
    this.code = code;
    this.retryable = retryable;
  }
}

/**
 * The durable job queue of one storage: kinds and their handlers, and what enqueues and reads
 * jobs. Each instance's jobs are rows of its own database (REGISTRY_QUEUE: the registry's), so
 * a job is enqueued in the transaction of the write that causes it; a JobWorker runs them.
 */
export class JobQueue {
  readonly #metadata: MetadataBackend;
  readonly #kinds = new Map<string, JobKind>();
  readonly #listeners = new Set<() => void>();

  constructor(metadata: MetadataBackend) {
    this.#metadata = metadata;
  }

  get registry(): SqlDb {
    return this.#metadata.registry;
  }

  /** The database holding `queue`'s jobs. */
  db(queue: string): SqlDb {
    return queue === REGISTRY_QUEUE ? this.#metadata.registry : this.#metadata.instance(queue);
  }

  register<T>(name: string, handler: JobHandler<T>, options: JobKindOptions<T>): void {
    if (this.#kinds.has(name)) throw new Error(`job kind ${name} registered twice`);
    this.#kinds.set(name, {
      name,
      payload: options.payload,
      handler: handler as JobHandler<unknown>,
      concurrency: options.concurrency ?? 1,
      timeoutMs: options.timeoutMs ?? 10 * MINUTE_MS,
      maxAttempts: options.maxAttempts ?? 5,
      backoffMs: options.backoffMs ?? 30_000,
      maxBackoffMs: options.maxBackoffMs ?? 60 * MINUTE_MS,
    });
  }

  kinds(): JobKind[] {
    return [...this.#kinds.values()];
  }

  kind(name: string): JobKind {
    const kind = this.#kinds.get(name);
    if (!kind) throw new Error(`unknown job kind ${name}`);
    return kind;
  }

  #payloadText(kind: JobKind, payload: unknown): string {
    return JSON.stringify(kind.payload.parse(payload));
  }

  /**
   * Adds a job to `queue`, due at `runAt` (now by default); answers its id. Joins the caller's
   * transaction on that queue's database when there is one: rolled back, no job.
   */
  async enqueue(queue: string, kindName: string, payload: unknown, { runAt = new Date() }: { runAt?: Date } = {}): Promise<string> {
    const kind = this.kind(kindName);
    const text = this.#payloadText(kind, payload);
    const db = this.db(queue);
    const id = randomUUID();
    const due = runAt.toISOString();
    await db.transaction(async () => {
      await insertJob(db, { id, kind: kind.name, payload: text, runAt: due, maxAttempts: kind.maxAttempts, createdAt: new Date().toISOString() });
      await markDue(db, this.registry, queue, due);
    });
    this.#wake();
    return id;
  }

  /**
   * Defines a cron schedule on `queue` (idempotent: call it at every start). Its next run is a
   * stored job, so a restart neither loses nor repeats one.
   */
  async schedule(queue: string, options: ScheduleOptions): Promise<void> {
    const kind = this.kind(options.kind);
    const timezone = options.timezone ?? 'Europe/Paris';
    assertCron(options.cron, timezone);
    const schedule = { name: options.name, kind: kind.name, payload: this.#payloadText(kind, options.payload), cron: options.cron, timezone, spreadMs: options.spreadMs ?? 0 };
    const db = this.db(queue);
    await db.transaction(async () => {
      const runAt = await putSchedule(db, schedule, new Date(), kind.maxAttempts);
      if (runAt) await markDue(db, this.registry, queue, runAt);
    });
    this.#wake();
  }

  /** `queue`'s jobs, newest first (done ones until pruned). */
  jobsOf(queue: string, limit?: number): Promise<JobState[]> {
    return listJobs(this.db(queue), limit);
  }

  job(queue: string, id: string): Promise<JobState | undefined> {
    return jobById(this.db(queue), id);
  }

  /** Called (soon after) whenever this process enqueues: an in-process worker need not wait for its next poll. */
  onEnqueue(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #wake(): void {
    // After the caller's transaction has had a chance to commit.
    if (this.#listeners.size > 0) setTimeout(() => this.#listeners.forEach((listener) => listener()), 0).unref();
  }
}
