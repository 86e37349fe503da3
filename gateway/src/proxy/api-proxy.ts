import { Agent } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { decodeJwt } from 'jose';
import type { Logger } from 'pino';
import { MAX_CHANGES_WAIT_S } from '@mytoutatice/contract';
import { bearerToken } from '../auth/authenticate.ts';
import { HttpError, requestIdFrom, sendProblem } from '@mytoutatice/server-kit';
import { offloadOptions, type BlobOffload } from './blob-offload.ts';
import { forward } from './forward.ts';
import { linkedPath, resolveLinkCaller, type LinkAccessDeps } from '../links/link-access.ts';
import { resolveSharingCaller, sharedPath, type SharingAccessDeps } from '../sharing/sharing-access.ts';
import { resolveCaller, type Caller } from './resolve-caller.ts';

export type ApiProxyDeps = SharingAccessDeps & LinkAccessDeps & {
  defaultBackendUrl: string;
  /** Set when the storage runs on this machine: downloads are then read from disk here. */
  offload?: BlobOffload;
  timeoutMs: number;
  log: Logger;
};

export const API_PREFIX = '/api';

/** Download links carry their own capability (the token in the path): the storage backend checks it, not the ENT token. */
const LINK_ROUTE = /^\/files\/downloads\/([^/?]+)/;
/** A changes long-poll may rightly stay silent for up to MAX_CHANGES_WAIT_S before answering. */
const LONG_POLL = /^\/changes\?(?:.*&)?wait=/;

/**
 * Where a request goes: `path` on the upstream, with `clientPath` mapping the upstream's own
 * paths back for a request made through a sharing.
 */
type Route = { backend: URL; token: string; path: string; clientPath?: (upstreamPath: string) => string };

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
    const link = LINK_ROUTE.exec(path);
    if (link) return { backend: backendUrl(linkBackend(link[1] ?? '')), token: await deps.mint('link'), path };
    // `/sharings/<id>/…` and `/links/<code>/…`: the owner's storage, whoever asks, with what
    // their part in the sharing, or the link, opens.
    const shared = sharedPath(path);
    if (shared) {
      const caller = await resolveSharingCaller(deps, bearerToken(req), shared.sharingId);
      return throughOwner(caller, `${API_PREFIX}/sharings/${shared.sharingId}/`, shared.path);
    }
    const linked = linkedPath(path);
    if (linked) {
      const caller = await resolveLinkCaller(deps, bearerToken(req), linked.code);
      return throughOwner(caller, `${API_PREFIX}/links/${linked.code}/`, linked.path);
    }
    const { space, internalToken } = await resolveCaller(deps, bearerToken(req));
    return { backend: backendUrl(space.backendUrl), token: internalToken, path };
  }

  /** To the owner's node, with the storage's own paths (an upload's `Location`) mapped back under `prefix`. */
  function throughOwner({ space, internalToken }: Caller, prefix: string, path: string): Route {
    return {
      backend: backendUrl(space.backendUrl),
      token: internalToken,
      path,
      clientPath: (upstreamPath) => (upstreamPath.startsWith(`${API_PREFIX}/`) ? prefix + upstreamPath.slice(API_PREFIX.length + 1) : upstreamPath),
    };
  }

  /**
   * The node holding a download link's file: the link's token names the instance (read here
   * unverified, only to route; the storage verifies it). Unknown or unreadable: the default node.
   */
  function linkBackend(token: string): string {
    let instanceId: unknown;
    try {
      instanceId = decodeJwt(token).sub;
    } catch {
      instanceId = undefined;
    }
    return (typeof instanceId === 'string' && deps.directory.findByInstance(instanceId)?.backendUrl) || deps.defaultBackendUrl;
  }

  const { offload } = deps;
  return (req, res) => {
    const requestId = requestIdFrom(req.headers['x-request-id']);
    res.setHeader('x-request-id', requestId);
    res.setHeader('x-content-type-options', 'nosniff');
    const path = (req.url ?? '').slice(API_PREFIX.length) || '/';
    route(req, path).then(
      ({ backend, token, path: upstreamPath, clientPath }) => {
        const { header: offloadHeader, takeOver } = offloadOptions(offload, backend, res, deps.log, requestId);
        forward(req, res, {
          agent,
          target: backend,
          path: upstreamPath,
          ...(clientPath ? { clientPath } : {}),
          headers: { authorization: `Bearer ${token}`, 'x-request-id': requestId, ...offloadHeader },
          takeOver,
          timeoutMs: deps.timeoutMs + (LONG_POLL.test(upstreamPath) ? MAX_CHANGES_WAIT_S * 1000 : 0),
          onError: (kind) =>
            kind === 'timeout' ? sendProblem(res, 504, 'upstream_timeout', requestId) : sendProblem(res, 502, 'upstream_unavailable', requestId),
        });
      },
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
