import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { NOTE_CLOSE } from '@mytoutatice/sdk';
import type { Transport } from '@mytoutatice/sdk';
import type * as Y from 'yjs';
import { authenticatedSocket, noteSocketUrl } from './authenticated-socket.ts';

/** The realtime close codes the note socket shares (contract changes.ts): renew and come back, or stop for good. */
const TOKEN_EXPIRED = 4001;
const ACCESS_ENDED = 4403;

export type NoteEnd = 'gone' | 'access_ended';

export type NoteSocketOptions = {
  transport: Transport;
  fileId: string;
  /** The sharing the note was received through; null: one's own space. */
  sharingId: string | null;
  doc: Y.Doc;
  /** The server ended the note for good (trashed, destroyed) or one's access to it. */
  onEnd: (end: NoteEnd) => void;
};

const bearerOf = (headers: Record<string, string>) => headers.Authorization?.replace(/^Bearer /, '') ?? null;

/**
 * The note's Hocuspocus connection, on a socket of our own (authenticated like the sdk's realtime
 * one). The token is read afresh after every close, and renewed first after 4001 (expired).
 */
export async function connectNote({ transport, fileId, sharingId, doc, onEnd }: NoteSocketOptions): Promise<HocuspocusProvider> {
  let token = bearerOf(await transport.authorization());
  const refresh = async () => {
    token = bearerOf(await transport.authorization().catch(() => ({})));
  };
  const socket = new HocuspocusProviderWebsocket({
    url: noteSocketUrl(transport.baseUrl || window.location.origin, fileId, sharingId),
    WebSocketPolyfill: authenticatedSocket(() => token),
    autoConnect: false,
  });
  socket.on('close', ({ event }: { event: CloseEvent }) => {
    if (event.code === NOTE_CLOSE.gone || event.code === ACCESS_ENDED) {
      socket.disconnect();
      onEnd(event.code === NOTE_CLOSE.gone ? 'gone' : 'access_ended');
    } else if (event.code === TOKEN_EXPIRED) {
      void transport.renewToken().then(refresh);
    } else {
      void refresh();
    }
  });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: fileId, document: doc, token: () => token ?? '' });
  // A provider handed its own socket only syncs once attached (STACK.md).
  provider.attach();
  void socket.connect();
  return provider;
}
