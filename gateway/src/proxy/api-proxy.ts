import type { IncomingMessage, ServerResponse } from 'node:http';
import { decodeJwt } from 'jose';
import { DownloadVia, MAX_CHANGES_WAIT_S } from '@mytoutatice/contract';
import { notFound } from '@mytoutatice/server-kit';
import { bearerToken } from '../auth/authenticate.ts';
import { isLive, linkedPath, resolveLinkCaller, type LinkAccessDeps } from '../links/link-access.ts';
import { resolveSharingCaller, sharedPath, type SharingAccessDeps } from '../sharing/sharing-access.ts';
import { resolveCaller, type Caller } from './resolve-caller.ts';
import { backendUrls, type StorageCall, type StorageCalls } from './storage-calls.ts';

export type ApiProxyDeps = SharingAccessDeps & LinkAccessDeps & {
  defaultBackendUrl: string;
  calls: StorageCalls;
};

export const API_PREFIX = '/api';

/** Download links carry their own capability (the token in the path): the storage backend checks it, not the ENT token. */
const LINK_ROUTE = /^\/files\/downloads\/([^/?]+)/;
/** A changes long-poll may rightly stay silent for up to MAX_CHANGES_WAIT_S before answering. */
const LONG_POLL = /^\/changes\?(?:.*&)?wait=/;

/**
 * `/api/*` → the storage backend of the caller's space, with `/api` stripped and the ENT token
 * replaced by a short-lived internal one. A plain Node handler ahead of Express: this is the hot
 * path (bench/gateway), and no body parser may ever run before it.
 */
export function apiHandler(deps: ApiProxyDeps): (req: IncomingMessage, res: ServerResponse) => void {
  const backendUrl = backendUrls();

  async function route(req: IncomingMessage, path: string): Promise<StorageCall> {
    const link = LINK_ROUTE.exec(path);
    if (link) return { backend: backendUrl(await linkBackend(link[1] ?? '')), token: await deps.mint('link'), path };
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
  function throughOwner({ space, internalToken }: Caller, prefix: string, path: string): StorageCall {
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
   * A link made through a sharing, or a public link, dies with the access it was made by (404),
   * not minutes later.
   */
  async function linkBackend(token: string): Promise<string> {
    let claims: { sub?: unknown; via?: unknown };
    try {
      claims = decodeJwt(token);
    } catch {
      claims = {};
    }
    const space = typeof claims.sub === 'string' ? await deps.directory.findByInstance(claims.sub) : undefined;
    const via = DownloadVia.safeParse(claims.via);
    if (via.success && space && !(await viaStillOpen(via.data, space.sub))) throw notFound('Ce lien ne donne plus accès à ce fichier.');
    return space?.backendUrl ?? deps.defaultBackendUrl;
  }

  async function viaStillOpen(via: DownloadVia, ownerSub: string): Promise<boolean> {
    if ('l' in via) {
      const link = await deps.links.byId(via.l);
      return link !== undefined && isLive(link);
    }
    const sub = via.m === undefined ? ownerSub : (await deps.directory.findBySlug(via.m))?.sub;
    return sub !== undefined && (await deps.sharings.access(via.s, sub)) !== undefined;
  }

  return (req, res) => {
    const path = (req.url ?? '').slice(API_PREFIX.length) || '/';
    deps.calls(req, res, async () => {
      const call = await route(req, path);
      return LONG_POLL.test(call.path) ? { ...call, extraTimeoutMs: MAX_CHANGES_WAIT_S * 1000 } : call;
    });
  };
}
