import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { NOTE_FRAGMENT } from '@mytoutatice/notes-doc';
import * as Y from 'yjs';
import type { NoteSocket } from './note-target.ts';
import { until } from './waiting.ts';

export type CollabClient = {
  doc: Y.Doc;
  fragment: Y.XmlFragment;
  /** Resolves once the server has acknowledged every local change. */
  saved(): Promise<void>;
  close(): void;
};

/**
 * A real HocuspocusProvider on its own socket (Node's WebSocket, offering the target's
 * subprotocols), resolved once the first sync with the server is done.
 */
export async function openClient(socket: NoteSocket, timeoutMs = 15_000): Promise<CollabClient> {
  const doc = new Y.Doc();
  const { protocols, headers } = socket;
  // The provider constructs its socket from the URL alone: subprotocols and headers ride on a
  // subclass. Node's WebSocket (undici) takes `{ protocols, headers }`, which the DOM types do not know.
  const init = (headers ? { protocols, headers } : protocols) as string[];
  class OfferingWebSocket extends WebSocket {
    constructor(url: string | URL) {
      super(url, init);
    }
  }
  const websocketProvider = new HocuspocusProviderWebsocket({ url: socket.url, WebSocketPolyfill: OfferingWebSocket });
  const provider = new HocuspocusProvider({ websocketProvider, name: socket.name, document: doc });
  const close = () => {
    provider.destroy();
    websocketProvider.destroy();
    doc.destroy();
  };
  let lastClose = 'no close';
  websocketProvider.on('close', ({ event }: { event: CloseEvent }) => {
    lastClose = `close ${event.code} ${event.reason}`.trim();
  });
  const synced = new Promise<void>((resolve, reject) => {
    provider.on('synced', () => resolve());
    provider.on('authenticationFailed', ({ reason }: { reason: string }) => reject(new Error(`authentication failed: ${reason}`)));
    setTimeout(() => reject(new Error(`no sync with ${socket.url} within ${timeoutMs} ms (${lastClose})`)), timeoutMs).unref();
  });
  provider.attach();
  try {
    await synced;
  } catch (error) {
    close();
    throw error;
  }
  // Where the editor keeps the note: the clients type where a person would.
  return {
    doc,
    fragment: doc.getXmlFragment(NOTE_FRAGMENT),
    saved: () => until(() => !provider.hasUnsyncedChanges, `changes never acknowledged by ${socket.url} (${lastClose})`),
    close,
  };
}

/** Opens `count` clients on one note, a few at a time (as many tabs opening, not a thundering herd). */
export async function openClients(socket: NoteSocket, count: number): Promise<CollabClient[]> {
  const clients: CollabClient[] = [];
  try {
    while (clients.length < count) {
      const batch = Math.min(5, count - clients.length);
      clients.push(...(await Promise.all(Array.from({ length: batch }, () => openClient(socket)))));
    }
    return clients;
  } catch (error) {
    for (const client of clients) client.close();
    throw error;
  }
}

/** A new paragraph at the end of the note, as the editor makes one; its text is where keystrokes go. */
export function appendParagraph(client: CollabClient): Y.XmlText {
  const text = new Y.XmlText();
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [text]);
  client.fragment.push([paragraph]);
  return text;
}

/** The same paragraph's text in another client's copy, once it has arrived there. */
export function paragraphText(client: CollabClient, index: number): Y.XmlText | undefined {
  const paragraph = client.fragment.get(index);
  const text = paragraph instanceof Y.XmlElement ? paragraph.get(0) : undefined;
  return text instanceof Y.XmlText ? text : undefined;
}
