import type { IncomingMessage } from 'node:http';
import { REALTIME_BEARER_PREFIX, REALTIME_PROTOCOL } from '@mytoutatice/contract';
import { bearerToken } from '../auth/authenticate.ts';

/**
 * Where a WebSocket upgrade carries the ENT access token.
 *
 * Browsers cannot set headers on a WebSocket, so the page offers two subprotocols:
 * `new WebSocket(url, ['mytoutatice.v1', 'bearer.<access token>'])`, and the gateway answers
 * `mytoutatice.v1` (the token is never echoed back). Kubernetes' API server does the same
 * (`base64url.bearer.authorization.k8s.io.<token>`). Chosen over a ticket from
 * `POST /api/realtime/ticket` because it needs no extra round trip and no state in a stateless
 * gateway, and keeps the token out of URLs (and so out of access logs and Referer). A JWT is
 * base64url segments joined by dots: every character is allowed in a subprotocol token
 * (RFC 6455 §4.1). Other clients may send `Authorization: Bearer <token>` instead.
 *
 * No cookie is involved, so another site cannot open the socket with the user's credentials
 * (cross-site WebSocket hijacking): there is no Origin check to make.
 */
export function upgradeToken(req: IncomingMessage): string | undefined {
  for (const protocol of offeredProtocols(req)) {
    if (protocol.startsWith(REALTIME_BEARER_PREFIX) && protocol.length > REALTIME_BEARER_PREFIX.length) {
      return protocol.slice(REALTIME_BEARER_PREFIX.length);
    }
  }
  return bearerToken(req);
}

function offeredProtocols(req: IncomingMessage): string[] {
  const header = req.headers['sec-websocket-protocol'];
  if (typeof header !== 'string') return [];
  return header
    .split(',')
    .map((protocol) => protocol.trim())
    .filter((protocol) => protocol !== '');
}

/** A browser that offered subprotocols fails the handshake unless one is chosen: ours must be among them. */
export function offersRealtimeProtocol(req: IncomingMessage): boolean {
  const offered = offeredProtocols(req);
  return offered.length === 0 || offered.includes(REALTIME_PROTOCOL);
}
