import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { PROBLEM_CONTENT_TYPE, type ErrorCode, type Problem } from '@mytoutatice/contract';
import { HttpError } from './http-error.ts';
import { problemTitles } from './problem-titles.ts';

/**
 * Refuses a WebSocket upgrade with a problem+json answer written on the bare socket (there is no
 * ServerResponse on `server.on('upgrade')`), then closes it: no socket is kept.
 */
export function refuseUpgrade(socket: Duplex, status: number, code: ErrorCode, requestId: string, error?: HttpError): void {
  const body: Problem = { type: 'about:blank', title: problemTitles[code], status, code, requestId };
  if (error?.detail !== undefined && status < 500) body.detail = error.detail;
  const json = JSON.stringify(body);
  const headers = [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}`,
    `Content-Type: ${PROBLEM_CONTENT_TYPE}`,
    `Content-Length: ${Buffer.byteLength(json)}`,
    'Cache-Control: no-store',
    `X-Request-Id: ${requestId}`,
    'Connection: close',
    ...Object.entries(error?.headers ?? {}).map(([name, value]) => `${name}: ${value}`),
  ];
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  socket.end(`${headers.join('\r\n')}\r\n\r\n${json}`);
}

/** `refuseUpgrade` for whatever was thrown: an HttpError as it says, anything else as a 500. */
export function refuseUpgradeWith(socket: Duplex, error: unknown, requestId: string): void {
  if (error instanceof HttpError) refuseUpgrade(socket, error.status, error.code, requestId, error);
  else refuseUpgrade(socket, 500, 'internal', requestId);
}
