import type { RawData, WebSocket } from 'ws';
import { realtimeCloseCodes } from '@mytoutatice/contract';

export type PipeOptions = {
  /** What the upstream sent before the client's side was ready, in order. */
  early: readonly [RawData, boolean][];
  /** When the client's ENT token expires (ms since the epoch): the socket is closed with 4001 then. */
  expiresAt: number;
  heartbeatMs?: number | undefined;
};

const DEFAULT_HEARTBEAT_MS = 30_000;
/** A client this far behind is not reading: let it go and resume later from its last seq. */
const SLOW_CLIENT_BYTES = 8 * 1024 * 1024;
/** setTimeout's largest delay. */
const MAX_DELAY_MS = 2 ** 31 - 1;

/** Close codes an endpoint may send; the others (1005, 1006, 1015) only describe what happened. */
function sendableCode(code: number): number {
  if (code === 1005) return 1000;
  if ((code >= 1000 && code <= 1014 && code !== 1004 && code !== 1006) || (code >= 3000 && code <= 4999)) return code;
  return 1011;
}

/**
 * Frames both ways between the browser's socket and the storage backend's, unchanged; a close on
 * one side closes the other with the same code (4001 included), so the client knows to come back.
 */
export function pipeSockets(client: WebSocket, upstream: WebSocket, options: PipeOptions): void {
  const toClient = (data: RawData, isBinary: boolean) => {
    if (client.readyState !== client.OPEN) return;
    if (client.bufferedAmount > SLOW_CLIENT_BYTES) {
      client.close(1013, 'client too slow');
      return;
    }
    client.send(data, { binary: isBinary });
  };
  for (const [data, isBinary] of options.early) toClient(data, isBinary);
  if (upstream.readyState !== upstream.OPEN) {
    client.close(1011, 'upstream gone');
    return;
  }

  upstream.on('message', toClient);
  client.on('message', (data, isBinary) => {
    if (upstream.readyState === upstream.OPEN) upstream.send(data, { binary: isBinary });
  });
  upstream.once('close', (code, reason) => {
    if (client.readyState === client.OPEN) client.close(sendableCode(code), reason.toString());
  });
  client.on('error', () => client.terminate());

  let alive = true;
  client.on('pong', () => {
    alive = true;
  });
  const heartbeat = setInterval(() => {
    if (!alive) {
      client.terminate();
      return;
    }
    alive = false;
    client.ping();
  }, options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS);
  const expiry = setTimeout(
    () => client.close(realtimeCloseCodes.tokenExpired, 'token expired'),
    Math.min(MAX_DELAY_MS, Math.max(0, options.expiresAt - Date.now())),
  );
  client.once('close', () => {
    clearInterval(heartbeat);
    clearTimeout(expiry);
    if (upstream.readyState === upstream.OPEN || upstream.readyState === upstream.CONNECTING) upstream.close(1000, 'client gone');
  });
}
