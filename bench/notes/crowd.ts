import type * as Y from 'yjs';
import { appendParagraph, openClients, paragraphText, type CollabClient } from './collab-client.ts';
import { EditLatency } from './edit-latency.ts';
import type { NoteTarget } from './note-target.ts';
import { sleep, until } from './waiting.ts';

const LETTERS = 'abcdefghijklmnopqrstuvwxyzéèàç ';

/** Editors and one watcher on one new note, all sharing one paragraph to type into. */
export type Crowd = { editors: { client: CollabClient; text: Y.XmlText }[]; watcher: CollabClient; close(): void };

export async function openCrowd(target: NoteTarget, editors: number): Promise<Crowd> {
  const clients = await openClients(await target.newNote(), editors + 1);
  const close = () => {
    for (const client of clients) client.close();
  };
  try {
    const [watcher, first, ...rest] = clients as [CollabClient, CollabClient, ...CollabClient[]];
    appendParagraph(first).insert(0, 'Texte commun : ');
    const index = first.fragment.length - 1;
    await until(() => clients.every((client) => paragraphText(client, index) !== undefined), 'the shared paragraph never reached every client');
    const texts = [first, ...rest].map((client) => ({ client, text: paragraphText(client, index) as Y.XmlText }));
    return { editors: texts, watcher, close };
  } catch (error) {
    close();
    throw error;
  }
}

/**
 * Every editor types one character at a random place of the shared paragraph, `perSecond` times a
 * second on average (gaps drawn between half and one and a half of the mean), for `seconds`; the
 * watcher's latency for each keystroke (ms) and how many never reached it.
 */
export async function typeTogether(crowd: Crowd, seconds: number, perSecond: number, random: () => number): Promise<{ latencies: number[]; lost: number }> {
  const latency = new EditLatency();
  const unwatch = latency.watch(crowd.watcher.doc);
  const end = performance.now() + seconds * 1000;
  const meanGap = 1000 / perSecond;
  await Promise.all(
    crowd.editors.map(async ({ client, text }) => {
      // Editors do not start in step, as people do not.
      await sleep(random() * meanGap);
      while (performance.now() < end) {
        const letter = LETTERS.charAt(Math.floor(random() * LETTERS.length));
        const at = Math.floor(random() * (text.length + 1));
        latency.type(client.doc, () => text.insert(at, letter));
        await sleep(meanGap * (0.5 + random()));
      }
    }),
  );
  const result = await latency.settle();
  unwatch();
  return result;
}
