import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { NOTE_CLOSE, realtimeCloseCodes } from '@mytoutatice/sdk';
import type { Transport } from '@mytoutatice/sdk';
import type * as Y from 'yjs';
import { authenticatedSocket, noteSocketUrl } from './note-socket-url.ts';

export type NoteEnd = 'gone';

export type NoteSocketOptions = {
  transport: Transport;
  fileId: string;
  /** `noteApiBase` of where the note is reached. */
  apiBase: string;
  doc: Y.Doc;
  /** The server ended the note for good (trashed, destroyed). */
  onEnd: (end: NoteEnd) => void;
  /** What the note was opened through changed (a sharing's role, or access gone): read it again. */
  onAccessChange: () => void;
};

const bearerOf = (headers: Record<string, string>) => headers.Authorization?.replace(/^Bearer /, '') ?? null;

/**
 * The note's Hocuspocus connection, on a socket of our own (authenticated like the sdk's realtime
 * one). The token is read afresh after every close, and renewed first after 4001 (expired).
 * After 4403 the sharing is read again: the page shows the new role, or that access is gone.
 */
export async function connectNote({ transport, fileId, apiBase, doc, onEnd, onAccessChange }: NoteSocketOptions): Promise<HocuspocusProvider> {
  let token = bearerOf(await transport.authorization());
  const refresh = async () => {
    token = bearerOf(await transport.authorization().catch(() => ({})));
  };
  const socket = new HocuspocusProviderWebsocket({
    url: noteSocketUrl(transport.baseUrl || window.location.origin, apiBase, fileId),
    WebSocketPolyfill: authenticatedSocket(() => token),
    autoConnect: false,
  });
  socket.on('close', ({ event }: { event: CloseEvent }) => {
    if (event.code === NOTE_CLOSE.gone) {
      socket.disconnect();
      onEnd('gone');
    } else if (event.code === realtimeCloseCodes.tokenExpired) {
      void transport.renewToken().then(refresh);
    } else {
      // 4403: the socket comes back with the new role, or is refused when access is gone.
      if (event.code === realtimeCloseCodes.accessChanged) onAccessChange();
      void refresh();
    }
  });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: fileId, document: doc, token: () => token ?? '' });
  // A provider handed its own socket only syncs once attached (STACK.md).
  provider.attach();
  // A socket may outlive the network for a while: the browser's word closes it at once (and the
  // status says « Hors ligne »), and opens it again as soon as the network is back.
  const offline = () => socket.disconnect();
  const online = () => void socket.connect();
  window.addEventListener('offline', offline);
  window.addEventListener('online', online);
  provider.on('destroy', () => {
    window.removeEventListener('offline', offline);
    window.removeEventListener('online', online);
  });
  if (navigator.onLine) void socket.connect();
  return provider;
}
