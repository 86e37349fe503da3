import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { TEST_SECRET } from '../harness/storage-harness.ts';

const MAIN = fileURLToPath(new URL('../../src/main.ts', import.meta.url));
const CLI = fileURLToPath(new URL('../../src/admin/cli.ts', import.meta.url));

/** The real storage backend, as deployed: its own process, on a data dir that outlives it. */
export interface StorageProcess {
  url: string;
  /** SIGKILL: no shutdown hook runs, nothing is flushed or closed. Resolves once it is gone. */
  kill(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/**
 * Starts `main.ts` on `dataDir` and waits until it answers `/healthz`. `env` adds variables
 * (`DATABASE_URL` for metadata on PostgreSQL).
 */
export async function startStorageProcess(dataDir: string, env: Record<string, string> = {}, timeoutMs = 20_000): Promise<StorageProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--conditions=mytoutatice-source', MAIN], {
    env: {
      ...process.env,
      STORAGE_DATA_DIR: dataDir,
      STORAGE_PORT: String(port),
      STORAGE_HOST: '127.0.0.1',
      INTERNAL_TOKEN_SECRET: TEST_SECRET,
      LOG_LEVEL: 'error',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const process_ = {
    url,
    async kill() {
      child.kill('SIGKILL');
      await exited(child);
    },
  };

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`storage exited with ${child.exitCode} at start:\n${stderr}`);
    const healthy = await fetch(`${url}/healthz`).then((response) => response.ok, () => false);
    if (healthy) return process_;
    if (Date.now() > deadline) {
      await process_.kill();
      throw new Error(`storage did not answer within ${timeoutMs} ms:\n${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export interface AdminRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** `npm run admin -- <args>` on `dataDir`, with `env` added. */
export function runAdmin(dataDir: string, env: Record<string, string>, ...args: string[]): Promise<AdminRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--conditions=mytoutatice-source', CLI, ...args],
      { env: { ...process.env, STORAGE_DATA_DIR: dataDir, ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}
