import type { IncomingMessage } from 'node:http';

/** How long a client still sending a refused body is read from (nginx's `lingering_time` is 30 s). */
const LINGER_MS = 30_000;

/**
 * After answering before the request's body was read (a refusal: too large, a name taken, no
 * room left), the rest of the body is read and dropped instead of closing the connection: a
 * socket closed with unread data is reset, and a reset can reach the client before it has read
 * the answer, which it then never sees (through the gateway, a 502 for a 409). A client still
 * sending after LINGER_MS is cut.
 */
export function lingerAfterEarlyAnswer(req: IncomingMessage): void {
  if (req.complete) return;
  const cut = setTimeout(() => req.socket.destroy(), LINGER_MS);
  cut.unref();
  const stop = () => clearTimeout(cut);
  req.once('end', stop);
  req.once('close', stop);
  req.resume();
}
