import * as Y from 'yjs';
import { openClient, type CollabClient } from './collab-client.ts';
import type { NoteSocket, NoteTarget } from './note-target.ts';
import { until } from './waiting.ts';

/**
 * A note made from Markdown, with one client kept on it, so that the server holds the document
 * in memory on both targets (the plain server would otherwise drop it, the storage reload it):
 * what is timed is the socket, the sync protocol and the state's transfer.
 */
export type HeldNote = { socket: NoteSocket; blocks: number; close(): void };

export async function holdNote(target: NoteTarget, markdown: string): Promise<HeldNote> {
  const socket = await target.newNote(markdown);
  const holder = await openClient(socket);
  try {
    await until(() => holder.fragment.length > 0, 'the note arrived empty');
  } catch (error) {
    holder.close();
    throw error;
  }
  return { socket, blocks: holder.fragment.length, close: () => holder.close() };
}

/** One new client's open of the note, from creating its socket to its first sync with every block in. */
export async function timeFirstSync(note: HeldNote): Promise<{ ms: number; stateBytes: number }> {
  const start = performance.now();
  let client: CollabClient | undefined;
  try {
    client = await openClient(note.socket);
    const ms = performance.now() - start;
    if (client.fragment.length !== note.blocks) throw new Error(`synced ${client.fragment.length} blocks of ${note.blocks}`);
    return { ms, stateBytes: Y.encodeStateAsUpdate(client.doc).byteLength };
  } finally {
    client?.close();
  }
}
