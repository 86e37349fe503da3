import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { REALTIME_PROTOCOL, noteCollabPath } from '@mytoutatice/contract';
import { NOTE_FRAGMENT } from '@mytoutatice/notes-doc';
import { eventually } from '../harness/storage-harness.ts';

/** An editor of a note as a browser runs one (a Hocuspocus provider), straight on a storage backend. */
export interface NoteClient {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  /** Close codes the socket got, in order. */
  closes: number[];
  /** Types `text` at the end of the note's first paragraph (made when missing). */
  type(text: string): void;
  text(): string;
  /** Resolves once the server has acknowledged every local change. */
  saved(timeoutMs?: number): Promise<void>;
  /** Stops reconnecting (a tab asleep) until `resume`. */
  pause(): void;
  resume(): void;
  destroy(): void;
}

/** `ws` with the storage's internal token in `Authorization`: what the gateway opens upstream. */
function socketClass(token: () => string) {
  return class extends WebSocket {
    constructor(url: string) {
      super(url, [REALTIME_PROTOCOL], { headers: { authorization: `Bearer ${token()}` } });
      // A browser's socket never throws: a refusal or a close while connecting is only an event.
      this.on('error', () => undefined);
    }
  };
}

export async function openNoteClient(baseUrl: () => string, token: () => string, fileId: string, doc = new Y.Doc()): Promise<NoteClient> {
  const closes: number[] = [];
  const websocket = new HocuspocusProviderWebsocket({
    url: '',
    WebSocketPolyfill: class extends socketClass(token) {
      constructor() {
        super(`${baseUrl().replace(/^http/, 'ws')}${noteCollabPath(fileId)}`);
      }
    },
    delay: 50,
    minDelay: 50,
    maxDelay: 500,
    onClose: ({ event }) => closes.push(event.code),
  });
  const provider = new HocuspocusProvider({ websocketProvider: websocket, name: fileId, document: doc });
  provider.attach();
  await until(() => provider.isSynced, 10_000, 'the note never synced');
  const fragment = doc.getXmlFragment(NOTE_FRAGMENT);
  let destroyed = false;
  return {
    doc,
    provider,
    closes,
    type(text) {
      doc.transact(() => {
        let paragraph = fragment.toArray().find((node): node is Y.XmlElement => node instanceof Y.XmlElement && node.nodeName === 'paragraph');
        if (!paragraph) {
          paragraph = new Y.XmlElement('paragraph');
          fragment.push([paragraph]);
        }
        let run = paragraph.toArray().find((node): node is Y.XmlText => node instanceof Y.XmlText);
        if (!run) {
          run = new Y.XmlText();
          paragraph.push([run]);
        }
        run.insert(run.length, text);
      });
    },
    text: () => textOf(fragment),
    saved: (timeoutMs = 10_000) => until(() => provider.isSynced && !provider.hasUnsyncedChanges, timeoutMs, 'changes never acknowledged'),
    pause() {
      websocket.shouldConnect = false;
      websocket.disconnect();
    },
    resume() {
      // Still closing from `pause`: connect() would return at once; the close then reconnects by itself.
      websocket.shouldConnect = true;
      if (websocket.status !== 'connected') void websocket.connect();
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      provider.destroy();
      websocket.destroy();
    },
  };
}

/** Every character of the note's text, blocks one after the other. */
export function textOf(fragment: Y.XmlFragment): string {
  const walk = (node: Y.XmlElement | Y.XmlText | Y.XmlFragment | Y.XmlHook): string =>
    node instanceof Y.XmlText ? node.toString().replace(/<[^>]+>/g, '') : node instanceof Y.XmlHook ? '' : node.toArray().map(walk).join('');
  return walk(fragment);
}

/** The harness's `eventually` for a synchronous check, failing with what was awaited. */
export async function until(check: () => boolean, timeoutMs: number, message: string): Promise<void> {
  await eventually(async () => check(), timeoutMs).catch((error: unknown) => {
    throw new Error(message, { cause: error });
  });
}
