import helmet from 'helmet';
import type { RequestHandler } from 'express';

export type SecurityOptions = { issuerOrigin: string; frameAncestors: string[]; scriptHashes: string[] };

/**
 * The page's CSP: scripts only from our origin plus the inline import map's hash (no
 * `unsafe-inline`), the ENT for sign-in (token calls, silent-renew iframe), workers only from our
 * origin, and framing only by the ENT desktop.
 */
export function securityHeaders(options: SecurityOptions): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'", ...options.scriptHashes.map((h) => `'${h}'`)],
        'style-src': ["'self'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'font-src': ["'self'"],
        // 'self' also allows the same-origin ws:/wss: realtime socket (CSP 3; e2e 08 checks it).
        'connect-src': ["'self'", options.issuerOrigin],
        'frame-src': ["'self'", options.issuerOrigin],
        // The Home's service worker (`/sw.js`), said outright rather than left to script-src.
        'worker-src': ["'self'"],
        'frame-ancestors': ["'self'", ...options.frameAncestors],
        'form-action': ["'self'", options.issuerOrigin],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
      },
    },
    // CSP frame-ancestors governs framing; X-Frame-Options cannot name the ENT's origin.
    xFrameOptions: false,
    crossOriginEmbedderPolicy: false,
    // The ENT desktop opens the Home in a new tab and may frame it; COOP would cut that link.
    crossOriginOpenerPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
  });
}
