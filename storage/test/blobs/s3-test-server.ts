import { fork } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { S3BlobStoreConfig } from '../../src/blobs/s3-blob-store.ts';

export interface S3TestServer {
  /** Ready for `new S3BlobStore(config)` (or `createBlobStore({ kind: 's3', ... })`). */
  config: S3BlobStoreConfig;
  stop(): Promise<void>;
}

/**
 * A throwaway S3-compatible server for tests (s3rver in a child process, a temp directory, one
 * bucket, an ephemeral port). A test double only: production talks to a real S3.
 */
export async function startS3TestServer(bucket = 'mytoutatice-test'): Promise<S3TestServer> {
  const directory = await mkdtemp(join(tmpdir(), 'mytoutatice-s3-'));
  const child = fork(fileURLToPath(new URL('./s3rver-process.ts', import.meta.url)), [JSON.stringify({ directory, bucket })], {
    execArgv: [],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  try {
    const [message] = (await Promise.race([once(child, 'message'), once(child, 'exit').then(() => [undefined])])) as [
      { port: number } | undefined,
    ];
    if (!message) throw new Error('the S3 test server did not start');
    return {
      config: {
        endpoint: `http://127.0.0.1:${message.port}`,
        region: 'us-east-1',
        bucket,
        accessKeyId: 'S3RVER',
        secretAccessKey: 'S3RVER',
        prefix: '',
        forcePathStyle: true,
      },
      async stop() {
        const exited = once(child, 'exit');
        child.disconnect();
        await exited;
        await rm(directory, { recursive: true, force: true });
      },
    };
  } catch (error) {
    child.kill();
    await rm(directory, { recursive: true, force: true });
    throw error;
  }
}
