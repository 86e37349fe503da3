import { Agent } from 'node:http';
import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import { createProxyMiddleware, proxyEventsPlugin } from 'http-proxy-middleware';
import type { InternalScope } from '@mytoutatice/contract';
import { bearerToken } from '../auth/authenticate.ts';
import type { InternalTokenMinter } from '../auth/internal-token.ts';
import type { TokenVerifier } from '../auth/verify-token.ts';
import type { Directory } from '../directory/directory.ts';
import { HttpError, sendProblem } from '../http/problem.ts';

type Routed = IncomingMessage & { mt?: { backend: string; token: string }; mtTimedOut?: boolean };

export type ApiProxyDeps = {
  verify: TokenVerifier;
  directory: Directory;
  mint: InternalTokenMinter;
  defaultBackendUrl: string;
  timeoutMs: number;
};

/** Download links carry their own capability: the storage backend checks it, not the ENT token. */
const LINK_ROUTE = /^\/files\/downloads\//;

/**
 * `/api/*` → the storage backend of the caller's space, with `/api` stripped and the ENT token
 * replaced by a short-lived internal one. Mounted at `/api` before any body parser.
 */
export function apiProxy(deps: ApiProxyDeps): RequestHandler[] {
  // Without keep-alive every request opened a new upstream connection (~0.4× the throughput).
  const agent = new Agent({ keepAlive: true, maxSockets: 512, maxFreeSockets: 256, scheduling: 'lifo' });

  const route: RequestHandler = async (req, res, next) => {
    const routed = req as Routed;
    let scope: InternalScope = 'owner';
    let backend = deps.defaultBackendUrl;
    let instanceId: string | undefined;
    if (LINK_ROUTE.test(req.url)) {
      scope = 'link';
    } else {
      const token = bearerToken(req);
      if (!token) {
        res.setHeader('www-authenticate', 'Bearer');
        throw new HttpError(401, 'unauthenticated', 'Authentification requise');
      }
      const user = await deps.verify(token);
      const entry = deps.directory.find(user.sub);
      if (!entry) throw new HttpError(403, 'no_space', "Vous n'avez pas encore d'espace MyToutatice");
      backend = entry.backendUrl;
      instanceId = entry.instanceId;
    }
    routed.mt = { backend, token: await deps.mint(scope, instanceId) };
    next();
  };

  const proxy = createProxyMiddleware({
    target: deps.defaultBackendUrl,
    router: (req) => (req as Routed).mt?.backend ?? deps.defaultBackendUrl,
    agent,
    xfwd: false,
    proxyTimeout: deps.timeoutMs,
    ejectPlugins: true,
    plugins: [proxyEventsPlugin],
    on: {
      proxyReq: (proxyReq, req, res) => {
        const routed = req as Routed;
        proxyReq.setHeader('authorization', `Bearer ${routed.mt?.token ?? ''}`);
        // One id in both services' logs for the same request.
        proxyReq.setHeader('x-request-id', String(res.getHeader('x-request-id') ?? ''));
        proxyReq.removeHeader('cookie');
        proxyReq.on('timeout', () => {
          routed.mtTimedOut = true;
        });
      },
      error: (err, req, res) => {
        if (!('setHeader' in res)) {
          res.destroy();
          return;
        }
        if ((req as Routed).mtTimedOut || (err as NodeJS.ErrnoException).code === 'ETIMEDOUT') {
          sendProblem(res, 504, 'upstream_timeout', 'Le stockage met trop de temps à répondre');
        } else {
          sendProblem(res, 502, 'upstream_unavailable', 'Le stockage est injoignable');
        }
      },
    },
  });

  // http-proxy-middleware types its handler on node's request/response, which Express extends.
  return [route, proxy as unknown as RequestHandler];
}
