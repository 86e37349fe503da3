import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { TRASH_PURGE } from '../files/trash-purge.ts';
import { backendEnv, startStorage, TEST_SECRET, type StorageHarness, type TestInstance } from '../../test/harness/storage-harness.ts';
import { BLOCKING_KIND, BLOCKING_LEASE_GRACE_MS, BLOCKING_TIMEOUT_MS } from '../../test/jobs/blocking-worker.ts';
import { queueOn, type QueueOnBackend } from '../../test/jobs/job-backend.ts';
import { settledJob } from '../../test/jobs/settled-job.ts';

const BLOCKING_WORKER = fileURLToPath(new URL('../../test/jobs/blocking-worker.ts', import.meta.url));
const WORKER_MAIN = fileURLToPath(new URL('./worker-main.ts', import.meta.url));

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/** Resolves with the first stdout line starting with `prefix`; rejects if the process ends first. */
function lineFrom(child: ChildProcess, prefix: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((candidate) => candidate.startsWith(prefix));
      if (line) resolve(line);
    });
    child.once('exit', (code) => reject(new Error(`worker exited (${code}) before « ${prefix} »:\n${err}`)));
  });
}

describe('job worker processes', () => {
  let storage: StorageHarness;
  let alice: TestInstance;
  let queue: QueueOnBackend | undefined;
  const children: ChildProcess[] = [];
  beforeAll(async () => {
    storage = await startStorage({ jobsWorker: 'off' });
    alice = await storage.createInstance();
  });
  afterEach(async () => {
    for (const child of children.splice(0)) {
      child.kill('SIGKILL');
      await exited(child);
    }
    await queue?.close();
    queue = undefined;
  });
  afterAll(() => storage.close());

  function startProcess(script: string, env: Record<string, string> = {}): ChildProcess {
    const child = spawn(process.execPath, ['--conditions=mytoutatice-source', script], {
      env: {
        ...process.env,
        STORAGE_DATA_DIR: storage.config.dataDir,
        INTERNAL_TOKEN_SECRET: TEST_SECRET,
        LOG_LEVEL: 'error',
        ...backendEnv(storage.config),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    return child;
  }

  it('takes back the job of a worker killed mid-job (SIGKILL) once its lease ends, and runs it once', { timeout: 30_000 }, async () => {
    queue = await queueOn(storage);
    let runs = 0;
    queue.jobs.register(BLOCKING_KIND, async () => {
      runs++;
    }, { payload: z.object({}), timeoutMs: BLOCKING_TIMEOUT_MS });
    const id = await queue.jobs.enqueue(alice.id, BLOCKING_KIND, {});

    const child = startProcess(BLOCKING_WORKER);
    expect(await lineFrom(child, 'started')).toBe(`started ${id}`);
    child.kill('SIGKILL');
    await exited(child);
    expect(await queue.jobs.job(alice.id, id)).toMatchObject({ state: 'running', attempts: 1 });

    await queue.startWorker({ leaseGraceMs: BLOCKING_LEASE_GRACE_MS });
    expect(await settledJob(queue.jobs, alice.id, id, 15_000)).toMatchObject({ state: 'done', attempts: 2 });
    expect(runs).toBe(1);
  });

  it('runs the storage’s jobs in `npm run worker` while the storage runs none (JOBS_WORKER=off)', { timeout: 30_000 }, async () => {
    const bob = await storage.createInstance();
    const [first] = await storage.jobs.jobsOf(bob.id);
    expect(first).toMatchObject({ kind: TRASH_PURGE, state: 'queued' });

    const worker = startProcess(WORKER_MAIN);
    expect(await settledJob(storage.jobs, bob.id, first!.id, 20_000)).toMatchObject({ state: 'done', attempts: 1 });
    // Its next run, tomorrow around 3 a.m., is stored.
    expect(await storage.jobs.jobsOf(bob.id)).toEqual(expect.arrayContaining([
      expect.objectContaining({ kind: TRASH_PURGE, state: 'queued', attempts: 0 }),
    ]));
    worker.kill('SIGTERM');
    await exited(worker);
    expect(worker.exitCode).toBe(0);
  });
});
