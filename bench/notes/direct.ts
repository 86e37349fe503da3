import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { NoteTarget } from './note-target.ts';

/** Two providers on a plain Hocuspocus 4 server (a child process): the reference the gateway is held to. */
export async function startDirect(): Promise<NoteTarget> {
  const child = spawn(process.execPath, [fileURLToPath(new URL('plain-hocuspocus-main.ts', import.meta.url))], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const found = /port=(\d+)/.exec(chunk.toString());
      if (found) resolve(Number(found[1]));
    });
    child.once('exit', (code) => reject(new Error(`the plain Hocuspocus server exited (${code})`)));
  });
  return {
    label: 'direct (plain Hocuspocus)',
    newNote: async () => ({ url: `ws://127.0.0.1:${port}`, name: randomUUID(), protocols: [] }),
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
