import { noteCollabPath, REALTIME_BEARER_PREFIX, REALTIME_PROTOCOL } from '@mytoutatice/sdk';

/** Where a note is reached: the person's own space, a sharing they received, or a public link. */
export type NotePlace = { sharingId?: string | null | undefined; linkCode?: string | undefined };

/** The API path every call about the note starts with: `/api`, `/api/sharings/<id>` or `/api/links/<code>`. */
export function noteApiBase({ sharingId, linkCode }: NotePlace): string {
  if (linkCode !== undefined) return `/api/links/${encodeURIComponent(linkCode)}`;
  return sharingId == null ? '/api' : `/api/sharings/${encodeURIComponent(sharingId)}`;
}

/** `wss://…<api base>/notes/<id>/collab`: through the gateway, like every call of the page. */
export function noteSocketUrl(origin: string, apiBase: string, fileId: string): string {
  return `${origin.replace(/\/+$/, '').replace(/^http/, 'ws')}${apiBase}${noteCollabPath(fileId)}`;
}

/**
 * The WebSocket class handed to Hocuspocus. Browsers cannot set headers on a WebSocket: like the
 * sdk's realtime socket, the access token travels as the `bearer.<token>` subprotocol, read when
 * each socket is made, so a reconnection after 4001 (token expired) carries the renewed one.
 */
export function authenticatedSocket(currentToken: () => string | null, Base: typeof WebSocket = WebSocket): typeof WebSocket {
  return class AuthenticatedSocket extends Base {
    constructor(url: string | URL) {
      const token = currentToken();
      super(url, token ? [REALTIME_PROTOCOL, `${REALTIME_BEARER_PREFIX}${token}`] : [REALTIME_PROTOCOL]);
    }
  };
}
