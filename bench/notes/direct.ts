import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { markdownToNote } from '@mytoutatice/notes-doc';
import * as Y from 'yjs';
import { openClient, type CollabClient } from './collab-client.ts';
import type { NoteSocket, NoteTarget } from './note-target.ts';

/**
 * Providers on a plain Hocuspocus 4 server (a child process): the reference the gateway is held
 * to. It keeps nothing: a note made from Markdown is written into it by a client that stays
 * connected until the end, or the server would drop the document when its last client leaves.
 */
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
  const holders: CollabClient[] = [];
  return {
    label: 'direct (plain Hocuspocus)',
    async newNote(markdown) {
      const socket: NoteSocket = { url: `ws://127.0.0.1:${port}`, name: randomUUID(), protocols: [] };
      if (markdown !== undefined) {
        const holder = await openClient(socket);
        holders.push(holder);
        Y.applyUpdate(holder.doc, markdownToNote(markdown).update);
        await holder.saved();
      }
      return socket;
    },
    async stop() {
      for (const holder of holders.splice(0)) holder.close();
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
