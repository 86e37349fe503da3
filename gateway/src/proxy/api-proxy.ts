import { Agent } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { MAX_CHANGES_WAIT_S } from '@mytoutatice/contract';
import { bearerToken } from '../auth/authenticate.ts';
import { HttpError, requestIdFrom, sendProblem } from '@mytoutatice/server-kit';
import { offloadOptions, type BlobOffload } from './blob-offload.ts';
import { forward } from './forward.ts';
import { resolveCaller, type CallerDeps } from './resolve-caller.ts';

export type ApiProxyDeps = CallerDeps & {
  defaultBackendUrl: string;
  /** Set when the storage runs on this machine: downloads are then read from disk here. */
  offload?: BlobOffload;
  timeoutMs: number;
  log: Logger;
};

export const API_PREFIX = '/api';

/** Download links carry their own capability: the storage backend checks it, not the ENT token. */
const LINK_ROUTE = /^\/files\/downloads\//;
/** A changes long-poll may rightly stay silent for up to MAX_CHANGES_WAIT_S before answering. */
const LONG_POLL = /^\/changes\?(?:.*&)?wait=/;

type Route = { backend: URL; token: string };

/**
 * `/api/*` → the storage backend of the caller's space, with `/api` stripped and the ENT token
 * replaced by a short-lived internal one. A plain Node handler ahead of Express: this is the hot
 * path (bench/gateway), and no body parser may ever run before it.
 */
export function apiHandler(deps: ApiProxyDeps): (req: IncomingMessage, res: ServerResponse) => void {
  // Without keep-alive every request opened a new upstream connection (~0.4× the throughput).
  const agent = new Agent({ keepAlive: true, maxSockets: 512, maxFreeSockets: 256, scheduling: 'lifo' });
  const backends = new Map<string, URL>();
  const backendUrl = (base: string) => {
    let url = backends.get(base);
    if (!url) backends.set(base, (url = new URL(base)));
    return url;
  };

  async function route(req: IncomingMessage, path: string): Promise<Route> {
    if (LINK_ROUTE.test(path)) return { backend: backendUrl(deps.defaultBackendUrl), token: await deps.mint('link') };
    const { space, internalToken } = await resolveCaller(deps, bearerToken(req));
    return { backend: backendUrl(space.backendUrl), token: internalToken };
  }

  const { offload } = deps;
  return (req, res) => {
    const requestId = requestIdFrom(req.headers['x-request-id']);
    const { header: offloadHeader, takeOver } = offloadOptions(offload, res, deps.log, requestId);
    res.setHeader('x-request-id', requestId);
    res.setHeader('x-content-type-options', 'nosniff');
    const path = (req.url ?? '').slice(API_PREFIX.length) || '/';
    route(req, path).then(
      ({ backend, token }) =>
        forward(req, res, {
          agent,
          target: backend,
          path,
          headers: { authorization: `Bearer ${token}`, 'x-request-id': requestId, ...offloadHeader },
          takeOver,
          timeoutMs: deps.timeoutMs + (LONG_POLL.test(path) ? MAX_CHANGES_WAIT_S * 1000 : 0),
          onError: (kind) =>
            kind === 'timeout' ? sendProblem(res, 504, 'upstream_timeout', requestId) : sendProblem(res, 502, 'upstream_unavailable', requestId),
        }),
      (error: unknown) => {
        if (error instanceof HttpError) {
          sendProblem(res, error.status, error.code, requestId, error);
          return;
        }
        deps.log.error({ err: error, path, requestId }, 'api routing failed');
        sendProblem(res, 500, 'internal', requestId);
      },
    );
  };
}
