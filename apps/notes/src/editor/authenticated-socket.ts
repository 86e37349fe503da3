import { noteCollabPath, REALTIME_BEARER_PREFIX, REALTIME_PROTOCOL } from '@mytoutatice/sdk';

/** `wss://…/api[/sharings/<id>]/notes/<id>/collab`: through the gateway, like every call of the page. */
export function noteSocketUrl(origin: string, fileId: string, sharingId: string | null): string {
  const through = sharingId === null ? '' : `/sharings/${encodeURIComponent(sharingId)}`;
  return `${origin.replace(/\/+$/, '').replace(/^http/, 'ws')}/api${through}${noteCollabPath(fileId)}`;
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
