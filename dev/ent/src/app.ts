import http from 'node:http';
import { dirname, join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import Provider from 'oidc-provider';
import { pino } from 'pino';
import type { Logger } from 'pino';
import type { EntConfig } from './config.ts';
import { desktopPage, embeddedHomePage } from './desktop.ts';
import { interactionRoutes } from './interactions.ts';
import { loadOrCreateKeys } from './keys.ts';
import { LOGOUT_SCRIPT_PATH, logoutScript } from './logout.ts';
import { html, renderPage, sendHtml, sendJson } from './page.ts';
import { providerConfiguration } from './provider-config.ts';
import { sqliteStateStore } from './state-store.ts';
import { userinfoRoute } from './userinfo.ts';

export interface Ent {
  /** Not listening yet: `main.ts` (or a test) decides where. */
  server: http.Server;
  /** The request handler, for a server the caller already owns. */
  handler: http.RequestListener;
  provider: Provider;
  logger: Logger;
}

/**
 * Every page here runs without inline scripts; oidc-provider adds a hash to script-src for the
 * few auto-submitting forms it renders itself. The Home frames the ENT for silent renew, and the
 * ENT desktop frames the Home.
 */
function securityHeaders(publicOrigin: string): Record<string, string> {
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    `frame-src ${publicOrigin}`,
    `frame-ancestors 'self' ${publicOrigin}`,
    // Chromium applies form-action to the redirects after a submit, which end on the Home.
    `form-action 'self' ${publicOrigin}`,
    "base-uri 'none'",
    "object-src 'none'",
  ].join('; ');
  return {
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  };
}

export async function createEnt(config: EntConfig): Promise<Ent> {
  const logger = pino({ name: 'dev-ent', level: config.logLevel });
  const keys = await loadOrCreateKeys(config.keysFile);
  const provider = new Provider(config.issuer, {
    ...providerConfiguration(config, keys),
    adapter: sqliteStateStore(join(dirname(config.keysFile), 'oidc-state.sqlite')),
  });
  // Behind a TLS-terminating proxy the issuer is https while requests arrive as http.
  provider.proxy = true;
  provider.on('server_error', (_ctx, err) => logger.error({ err }, 'oidc-provider server error'));
  provider.on('authorization.error', (_ctx, err) => logger.debug({ err }, 'authorization error'));
  provider.on('grant.error', (_ctx, err) => logger.debug({ err }, 'token endpoint error'));
  provider.on('end_session.error', (_ctx, err) => logger.debug({ err }, 'logout error'));

  const publicOrigin = new URL(config.publicUrl).origin;
  const headers = securityHeaders(publicOrigin);
  const oidc = provider.callback();
  const interactions = interactionRoutes(provider, config.publicUrl, logger);
  const userinfo = userinfoRoute({ keys, issuer: config.issuer, clientId: config.clientId, publicOrigin });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { pathname } = new URL(req.url ?? '/', 'http://ent.invalid');
    const read = req.method === 'GET' || req.method === 'HEAD';
    if (read && pathname === '/healthz') return sendJson(res, 200, { status: 'ok' });
    if (read && pathname === '/favicon.ico') return void res.writeHead(204).end();
    if (read && pathname === '/') return sendHtml(res, 200, desktopPage(config.publicUrl));
    if (read && pathname === '/bureau/mytoutatice') return sendHtml(res, 200, embeddedHomePage(config.publicUrl));
    if (read && pathname === LOGOUT_SCRIPT_PATH) {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' });
      res.end(logoutScript);
      return;
    }
    if (pathname === '/me') return userinfo(req, res);
    if (await interactions(req, res, pathname)) return;
    await oidc(req, res);
  }

  const handler: http.RequestListener = (req, res) => {
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    route(req, res).catch((err: unknown) => {
      logger.error({ err, url: req.url }, 'ENT request failed');
      if (res.headersSent) {
        res.destroy();
        return;
      }
      sendHtml(
        res,
        500,
        renderPage({ title: 'Erreur', body: html`<main class="narrow"><h1>Une erreur est survenue</h1></main>` }),
      );
    });
  };

  return { server: http.createServer(handler), handler, provider, logger };
}
