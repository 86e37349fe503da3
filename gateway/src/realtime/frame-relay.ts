import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { request } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { REALTIME_PROTOCOL } from '@mytoutatice/contract';
import { HttpError } from '@mytoutatice/server-kit';
import { closeFrame, FrameBoundaries } from './frame-boundaries.ts';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
/** A client this far behind is not reading: let it go (it comes back and syncs). */
const SLOW_CLIENT_BYTES = 8 * 1024 * 1024;
/** How long a socket closed by the gateway has to answer the close before it is cut. */
const CLOSE_GRACE_MS = 2000;

const acceptOf = (key: string) => createHash('sha1').update(key + GUID).digest('base64');

/** The storage's socket once upgraded, and the bytes it sent right after its 101. */
export type RawUpstream = { socket: Socket; head: Buffer };

/**
 * Opens the storage's socket for a relayed one: the WebSocket handshake alone (no extension, our
 * subprotocol), then its bytes as they come. Refused, it rejects with what `refusal` makes of
 * the storage's answer; timed out, with an error whose message says so.
 */
export function openRawUpstream(
  url: URL,
  headers: Record<string, string>,
  timeoutMs: number,
  refusal: (response: IncomingMessage) => Promise<Error>,
): Promise<RawUpstream> {
  const key = randomBytes(16).toString('base64');
  return new Promise((resolve, reject) => {
    const upgrade = request({
      hostname: url.hostname,
      port: url.port,
      path: url.pathname + url.search,
      headers: {
        ...headers,
        connection: 'Upgrade',
        upgrade: 'websocket',
        'sec-websocket-version': '13',
        'sec-websocket-key': key,
        'sec-websocket-protocol': REALTIME_PROTOCOL,
      },
    });
    const timer = setTimeout(() => {
      upgrade.destroy();
      reject(new Error('the storage socket handshake timed out'));
    }, timeoutMs);
    upgrade.once('upgrade', (response, socket, head) => {
      clearTimeout(timer);
      if (response.headers['sec-websocket-accept'] !== acceptOf(key)) {
        socket.destroy();
        reject(new Error('the storage answered the handshake with a wrong accept key'));
        return;
      }
      socket.setNoDelay(true);
      resolve({ socket, head });
    });
    upgrade.once('response', (response) => {
      clearTimeout(timer);
      void refusal(response).then(reject, reject);
    });
    upgrade.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    upgrade.end();
  });
}

/** Checks the browser's upgrade as `ws` would: 400 for anything that is not a WebSocket handshake. */
export function checkClientHandshake(req: IncomingMessage): string {
  const key = req.headers['sec-websocket-key'];
  if (req.method !== 'GET' || req.headers.upgrade?.toLowerCase() !== 'websocket' || req.headers['sec-websocket-version'] !== '13' || typeof key !== 'string' || !/^[+/0-9A-Za-z]{22}==$/.test(key)) {
    throw new HttpError(400, 'bad_request', 'Ce n’est pas une poignée de main WebSocket.');
  }
  return key;
}

/** A relayed socket: closed by the gateway with a code (token expired, access changed), and telling when it is gone. */
export type FrameRelay = {
  close(code: number, reason: string): void;
  onClose(listener: () => void): void;
};

export type RelayOptions = {
  /** The client's `Sec-WebSocket-Key` (checkClientHandshake). */
  key: string;
  /** Whether to name our subprotocol in the 101 (the client offered it). */
  withProtocol: boolean;
  /** When to close the client's socket with `expiredCode` (ms since the epoch). */
  expiresAt: number;
  expiredCode: number;
};

/**
 * Answers the browser's upgrade and relays the two sockets' bytes as they are: the browser's
 * frames are masked as the storage expects from a client, the storage's unmasked as a browser
 * expects from a server, and neither side negotiated an extension. Unlike `pipeSockets`, no frame
 * is read, unmasked, masked again and written: a keystroke crosses the gateway as one read and
 * one write. The gateway's own closes (expiry, access changed) go between two of the storage's
 * frames (FrameBoundaries); the storage's own close goes through like any frame. Liveness is the
 * storage's (Hocuspocus closes a socket silent for a minute; an editor speaks every 15 s).
 */
export function relayFrames(client: Duplex, head: Buffer, upstream: RawUpstream, options: RelayOptions): FrameRelay {
  const boundaries = new FrameBoundaries();
  const listeners: (() => void)[] = [];
  let closing: Buffer | null = null;
  let ended = false;

  const finish = () => {
    if (ended) return;
    ended = true;
    clearTimeout(expiry);
    upstream.socket.destroy();
    client.end();
    setTimeout(() => client.destroy(), CLOSE_GRACE_MS).unref();
    listeners.splice(0).forEach((listener) => listener());
  };
  /** Writes the storage's bytes, and the gateway's close at the first frame end once one is due. */
  const toClient = (chunk: Buffer) => {
    if (ended) return;
    if (closing === null) {
      boundaries.read(chunk);
      client.write(chunk);
      if (client.writableLength > SLOW_CLIENT_BYTES) close(1013, 'client too slow');
      return;
    }
    const end = boundaries.read(chunk);
    if (end === -1) {
      client.write(chunk);
      return;
    }
    client.write(chunk.subarray(0, end));
    sendClose();
  };
  const sendClose = () => {
    if (closing) client.write(closing);
    finish();
  };
  const close = (code: number, reason: string) => {
    if (ended || closing) return;
    closing = closeFrame(code, reason);
    if (boundaries.atBoundary) sendClose();
    // A frame the storage never finishes must not keep the socket: cut both.
    else setTimeout(finish, CLOSE_GRACE_MS).unref();
  };

  const accept = [
    'HTTP/1.1 101 Switching Protocols',
    'Upgrade: websocket',
    'Connection: Upgrade',
    `Sec-WebSocket-Accept: ${acceptOf(options.key)}`,
    ...(options.withProtocol ? [`Sec-WebSocket-Protocol: ${REALTIME_PROTOCOL}`] : []),
  ];
  client.write(`${accept.join('\r\n')}\r\n\r\n`);
  if ('setNoDelay' in client && typeof client.setNoDelay === 'function') (client as Socket).setNoDelay(true);
  if (upstream.head.length > 0) toClient(upstream.head);
  if (head.length > 0) upstream.socket.write(head);

  upstream.socket.on('data', toClient);
  client.on('data', (chunk: Buffer) => {
    if (!ended && closing === null) upstream.socket.write(chunk);
  });
  // The storage closed (its close frame already relayed) or failed: so does the client's socket.
  upstream.socket.once('close', finish);
  upstream.socket.on('error', () => upstream.socket.destroy());
  client.once('close', finish);
  client.on('error', () => client.destroy());
  const expiry = setTimeout(() => close(options.expiredCode, 'token expired'), Math.min(2 ** 31 - 1, Math.max(0, options.expiresAt - Date.now())));

  return {
    close,
    onClose(listener) {
      if (ended) listener();
      else listeners.push(listener);
    },
  };
}
