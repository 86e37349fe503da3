import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import express from 'express';
import type { Express, RequestHandler } from 'express';
import pino from 'pino';
import type { Logger } from 'pino';
import { createAppTokens } from './auth/app-tokens.ts';
import { authenticate } from './auth/authenticate.ts';
import { createInternalTokenMinter } from './auth/internal-token.ts';
import { createTokenVerifier } from './auth/verify-token.ts';
import type { GatewayConfig } from './config/config.ts';
import { AppPasswordCheck } from './dav/app-password-check.ts';
import { AttemptThrottle } from './auth/attempt-throttle.ts';
import { DAV_FILES_PREFIX, davProxy } from './dav/dav-proxy.ts';
import { problemHandler, requestId, unknownRoute } from '@mytoutatice/server-kit';
import { onboardingRoutes } from './onboarding/onboarding-routes.ts';
import { peopleRoutes } from './people/people-routes.ts';
import { sharingNotifier } from './notifications/sharing-notifier.ts';
import { API_PREFIX, apiHandler } from './proxy/api-proxy.ts';
import { blobOffload } from './proxy/blob-offload.ts';
import { storageCalls } from './proxy/storage-calls.ts';
import { StorageClient } from './storage-client/storage-client.ts';
import { createRealtimeProxy } from './realtime/realtime-proxy.ts';
import { SharingSockets } from './realtime/sharing-sockets.ts';
import { installedAppRoutes } from './web/installed-app-routes.ts';
import { openApiRoute } from './web/openapi-route.ts';
import { loadBuiltApps } from './web/built-apps.ts';
import type { BuiltApps } from './web/built-apps.ts';
import { renderShellPages } from './web/index-html.ts';
import type { ShellPages } from './web/index-html.ts';
import { securityHeaders } from './web/security-headers.ts';
import { linkRoutes } from './links/link-routes.ts';
import { PUBLIC_PAGE_PREFIX } from './links/link-view.ts';
import { publicLinkRoutes } from './links/public-link-routes.ts';
import { createUnlockTokens } from './links/unlock-token.ts';
import { sharingCopyRoutes } from './sharing/sharing-copy-route.ts';
import { sharingRoutes } from './sharing/sharing-routes.ts';
import { openGatewayState } from './state/gateway-state.ts';

/** Routes the shell owns besides the apps' own (served the same page, routed in the browser). */
const SHELL_ROUTES = ['/onboarding', '/settings', '/auth/callback'];

export type Gateway = {
  /** The request listener: `/api` goes straight to the proxy, the rest through Express. */
  handler: (req: IncomingMessage, res: ServerResponse) => void;
  /** The Express app behind `handler` (everything but `/api`, `/dav` and the OpenAPI document): its routes are the table's. */
  app: Express;
  /** For `server.on('upgrade')`: the realtime and note WebSockets (`/api/realtime`, `/api/notes/<id>/collab`, each also under `/api/sharings/<id>`). */
  upgrade: (req: IncomingMessage, socket: Duplex, head: Buffer) => void;
  /** Re-reads the built apps (after releasing one) without a restart. */
  reloadApps(): void;
  /** Resolves once the gateway's state is reachable (PostgreSQL: connected and migrated); rejects if not. */
  ready(): Promise<void>;
  close(): Promise<void>;
};

export function createGateway(config: GatewayConfig, log: Logger = pino({ level: config.LOG_LEVEL })): Gateway {
  const state = openGatewayState(config, log);
  const { directory, sharings, links } = state;
  const verify = createTokenVerifier({
    issuer: config.OIDC_ISSUER,
    audience: config.OIDC_CLIENT_ID,
    profileClaim: config.OIDC_PROFILE_CLAIM,
    accessTokenTypes: config.OIDC_ACCESS_TOKEN_TYPES,
    log,
  });
  const mint = createInternalTokenMinter(config.INTERNAL_TOKEN_SECRET);
  const appTokens = createAppTokens(config.INTERNAL_TOKEN_SECRET);
  const storage = new StorageClient({ mint, log, timeoutMs: config.UPSTREAM_TIMEOUT_MS });
  const unlockTokens = createUnlockTokens(config.INTERNAL_TOKEN_SECRET);

  let built: BuiltApps;
  let pages: ShellPages;
  let headers: RequestHandler;
  const reloadApps = () => {
    built = loadBuiltApps(config.APPS_DIR);
    pages = renderShellPages(built.shell, {
      publicUrl: config.PUBLIC_URL,
      oidc: { authority: config.OIDC_ISSUER, clientId: config.OIDC_CLIENT_ID },
      apps: built.apps,
    });
    headers = securityHeaders({
      issuerOrigin: new URL(config.OIDC_ISSUER).origin,
      frameAncestors: config.frameAncestors,
      scriptHashes: [pages.importMapHash],
    });
  };
  reloadApps();

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);

  app.use(requestId);
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  app.use((req, res, next) => headers(req, res, next));

  // Before `authenticate`: a public link's visitors have no account.
  app.use(publicLinkRoutes({ links, unlockTokens, throttle: new AttemptThrottle() }));
  app.use('/gateway', authenticate(verify));
  app.use(
    installedAppRoutes({ apps: () => built.apps, appTokens }),
    sharingRoutes({ directory, sharings, storage, notify: sharingNotifier({ directory, storage, log }) }),
    sharingCopyRoutes({ verify, appTokens, directory, mint, sharings, storage }),
    peopleRoutes({ directory, spaceDomain: config.SPACE_DOMAIN }),
    linkRoutes({ directory, links, storage }),
    onboardingRoutes({ directory, storage, defaultBackendUrl: config.STORAGE_URL, spaceDomain: config.SPACE_DOMAIN }),
  );

  app.use((req, res, next) => {
    if ((req.method === 'GET' || req.method === 'HEAD') && built.assets.serve(req, res, req.path)) return;
    next();
  });

  const isShellRoute = (path: string) =>
    path === '/' ||
    [...SHELL_ROUTES, ...built.apps.map((a) => a.route)].some((r) => path === r || path.startsWith(`${r}/`));
  // A public link's page: no shell, no sign-in; the code never leaves in a Referer (no-referrer, set for all pages).
  app.get(`${PUBLIC_PAGE_PREFIX}/:code`, (_req, res, next) => {
    if (built.publicPage === undefined) {
      next();
      return;
    }
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.setHeader('cache-control', 'no-cache');
    res.send(built.publicPage);
  });
  app.get(/.*/, (req, res, next) => {
    const html = req.path === '/silent-renew.html' ? pages.silentRenew : isShellRoute(req.path) ? pages.index : undefined;
    if (html === undefined) {
      next();
      return;
    }
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.setHeader('cache-control', 'no-cache');
    res.send(html);
  });

  app.use(unknownRoute);
  app.use(problemHandler(log));

  const offload = config.LOCAL_STORAGE_DIR === undefined ? undefined : blobOffload(config.LOCAL_STORAGE_DIR, config.STORAGE_URL);
  const calls = storageCalls({ ...(offload ? { offload } : {}), timeoutMs: config.UPSTREAM_TIMEOUT_MS, log });
  const api = apiHandler({ verify, appTokens, directory, sharings, links, unlockTokens, mint, defaultBackendUrl: config.STORAGE_URL, calls });
  const dav = davProxy({
    directory,
    passwords: new AppPasswordCheck(storage),
    throttle: new AttemptThrottle(),
    mint,
    calls,
  });
  const openApi = openApiRoute();
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '/';
    if (openApi(req, res)) return;
    if (url.startsWith(`${API_PREFIX}/`) || url === API_PREFIX) api(req, res);
    else if (url.startsWith(`${DAV_FILES_PREFIX}/`) || url === DAV_FILES_PREFIX) dav(req, res);
    else app(req, res);
  };
  const sharingSockets = new SharingSockets();
  sharings.onAccessChange((sharingId, sub) => sharingSockets.end(sharingId, sub));
  const realtime = createRealtimeProxy({
    verify,
    appTokens,
    directory,
    sharings,
    sharingSockets,
    links,
    unlockTokens,
    mint,
    log,
    handshakeTimeoutMs: config.UPSTREAM_TIMEOUT_MS,
    linkRecheckMs: config.LINK_RECHECK_MS,
  });
  return {
    handler,
    app,
    upgrade: realtime.upgrade,
    reloadApps,
    ready: state.ready,
    async close() {
      realtime.close();
      await state.close();
    },
  };
}
