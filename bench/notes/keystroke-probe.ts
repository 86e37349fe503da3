import type * as Y from 'yjs';
import { appendParagraph, openClients, paragraphText, type CollabClient } from './collab-client.ts';
import { EditLatency } from './edit-latency.ts';
import type { NoteTarget } from './note-target.ts';
import { sleep, until } from './waiting.ts';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** Two clients on one new note of a target: one types into a paragraph of its own, the other watches. */
export type KeystrokePair = { typist: CollabClient; watcher: CollabClient; text: Y.XmlText; close(): void };

export async function openPair(target: NoteTarget): Promise<KeystrokePair> {
  const [typist, watcher] = (await openClients(await target.newNote(), 2)) as [CollabClient, CollabClient];
  const close = () => {
    typist.close();
    watcher.close();
  };
  const text = appendParagraph(typist);
  try {
    await until(() => paragraphText(watcher, typist.fragment.length - 1) !== undefined, 'the paragraph never reached the watcher');
  } catch (error) {
    close();
    throw error;
  }
  return { typist, watcher, text, close };
}

/**
 * Types `count` characters at the end of the paragraph, one every `everyMs` (on a fixed schedule,
 * so a slow keystroke does not space out the next ones), and returns how long each took to reach
 * the watcher (ms) and how many never did within the settling time.
 */
export async function typeKeystrokes(pair: KeystrokePair, count: number, everyMs: number): Promise<{ latencies: number[]; lost: number }> {
  const latency = new EditLatency();
  const unwatch = latency.watch(pair.watcher.doc);
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    latency.type(pair.typist.doc, () => pair.text.insert(pair.text.length, LETTERS.charAt(i % LETTERS.length)));
    await sleep(start + (i + 1) * everyMs - performance.now());
  }
  const result = await latency.settle();
  unwatch();
  return result;
}
