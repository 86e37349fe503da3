import { Agent } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { HttpError, requestIdFrom, sendProblem } from '@mytoutatice/server-kit';
import { offloadOptions, type BlobOffload } from './blob-offload.ts';
import { forward } from './forward.ts';

/** Where one client request goes: a storage node, the path there, and the internal token it carries. */
export type StorageCall = {
  backend: URL;
  path: string;
  token: string;
  /** Longer than the usual timeout (a changes long-poll). */
  extraTimeoutMs?: number;
  /** The client's path for one of the storage's own (a tus upload's Location through a sharing). */
  clientPath?: (upstreamPath: string) => string;
};

export type StorageCallsDeps = {
  /** Set when the storage runs on this machine: downloads are then read from disk here. */
  offload?: BlobOffload;
  timeoutMs: number;
  log: Logger;
};

/**
 * The end every proxied route shares (`/api`, `/dav`): a request id, the caller's request
 * resolved to a storage call, then streamed there on one keep-alive agent (without it every
 * request opened a new upstream connection, ~0.4× the throughput), with 502/504 when the
 * storage fails and problem+json for a refusal. `onRefused` lets a caller add to a refusal.
 */
export function storageCalls(deps: StorageCallsDeps) {
  const agent = new Agent({ keepAlive: true, maxSockets: 512, maxFreeSockets: 256, scheduling: 'lifo' });
  return function handle(
    req: IncomingMessage,
    res: ServerResponse,
    resolve: (requestId: string) => Promise<StorageCall>,
    onRefused?: () => void,
  ): void {
    const requestId = requestIdFrom(req.headers['x-request-id']);
    res.setHeader('x-request-id', requestId);
    res.setHeader('x-content-type-options', 'nosniff');
    resolve(requestId).then(
      ({ backend, path, token, extraTimeoutMs = 0, clientPath }) => {
        const { header: offloadHeader, takeOver } = offloadOptions(deps.offload, backend, res, deps.log, requestId);
        forward(req, res, {
          agent,
          target: backend,
          path,
          ...(clientPath ? { clientPath } : {}),
          headers: { authorization: `Bearer ${token}`, 'x-request-id': requestId, ...offloadHeader },
          takeOver,
          timeoutMs: deps.timeoutMs + extraTimeoutMs,
          onError: (kind) =>
            kind === 'timeout' ? sendProblem(res, 504, 'upstream_timeout', requestId) : sendProblem(res, 502, 'upstream_unavailable', requestId),
        });
      },
      (error: unknown) => {
        onRefused?.();
        if (error instanceof HttpError) {
          sendProblem(res, error.status, error.code, requestId, error);
          return;
        }
        deps.log.error({ err: error, url: req.url, requestId }, 'routing to the storage failed');
        sendProblem(res, 500, 'internal', requestId);
      },
    );
  };
}

export type StorageCalls = ReturnType<typeof storageCalls>;

/** One URL object per storage base URL (they are few, and parsed once). */
export function backendUrls(): (base: string) => URL {
  const backends = new Map<string, URL>();
  return (base) => {
    let url = backends.get(base);
    if (!url) backends.set(base, (url = new URL(base)));
    return url;
  };
}
