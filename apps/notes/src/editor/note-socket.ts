import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { NOTE_CLOSE, REALTIME_BEARER_PREFIX, REALTIME_PROTOCOL, noteCollabPath } from '@mytoutatice/sdk';
import type { Transport } from '@mytoutatice/sdk';
import type * as Y from 'yjs';

/** Close codes after which reconnecting is pointless: the note or one's access to it is gone. */
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

/** `wss://…/api[/sharings/<id>]/notes/<id>/collab`: through the gateway, like every call of the page. */
export function noteSocketUrl(baseUrl: string, fileId: string, sharingId: string | null, origin: string): string {
  const base = (baseUrl.replace(/\/+$/, '') || origin).replace(/^http/, 'ws');
  const through = sharingId === null ? '' : `/sharings/${encodeURIComponent(sharingId)}`;
  return `${base}/api${through}${noteCollabPath(fileId)}`;
}

const bearerOf = (headers: Record<string, string>) => headers.Authorization?.replace(/^Bearer /, '') ?? null;

/**
 * The note's Hocuspocus connection. Browsers cannot set headers on a WebSocket: like the sdk's
 * realtime socket, the access token travels as the `bearer.<token>` subprotocol, read afresh
 * before each (re)connection, so a reconnect after 4001 (token expired) uses the renewed one.
 */
export async function connectNote({ transport, fileId, sharingId, doc, onEnd }: NoteSocketOptions): Promise<HocuspocusProvider> {
  let token = bearerOf(await transport.authorization());
  const refresh = async () => {
    token = bearerOf(await transport.authorization().catch(() => ({})));
  };
  class AuthenticatedSocket extends WebSocket {
    constructor(url: string | URL) {
      super(url, token ? [REALTIME_PROTOCOL, `${REALTIME_BEARER_PREFIX}${token}`] : [REALTIME_PROTOCOL]);
    }
  }
  const socket = new HocuspocusProviderWebsocket({
    url: noteSocketUrl(transport.baseUrl, fileId, sharingId, window.location.origin),
    WebSocketPolyfill: AuthenticatedSocket,
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
