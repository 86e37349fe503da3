import express from 'express';
import type { Router } from 'express';
import { unlockLinkRoute, visitLinkRoute } from '@mytoutatice/contract';
import { HttpError, mountRoute } from '@mytoutatice/server-kit';
import { bearerToken } from '../auth/authenticate.ts';
import type { AttemptThrottle } from '../auth/attempt-throttle.ts';
import { isUnlocked, liveLink } from './link-access.ts';
import { passwordMatches } from './link-password.ts';
import type { LinkStore } from './link-store.ts';
import type { UnlockTokens } from './unlock-token.ts';
import { visitorView } from './link-view.ts';

export type PublicLinkRoutesDeps = { links: LinkStore; unlockTokens: UnlockTokens; throttle: AttemptThrottle };

/**
 * `/gateway/public/links`, with no login: what the public page shows, and the password form.
 * Wrong passwords are throttled per link (and per link and address, so one visitor mistyping
 * does not lock out a class behind the same address once someone there got in).
 */
export function publicLinkRoutes(deps: PublicLinkRoutesDeps): Router {
  const router = express.Router();

  mountRoute(router, visitLinkRoute, async (req, res, { params }) => {
    const link = await liveLink(deps.links, params.code);
    res.setHeader('cache-control', 'no-store');
    res.json(visitorView(link, await isUnlocked(deps.unlockTokens, link, bearerToken(req))));
  });

  mountRoute(router, unlockLinkRoute, async (req, res, { body, params }) => {
    const link = await liveLink(deps.links, params.code);
    res.setHeader('cache-control', 'no-store');
    if (link.password === null) {
      res.json(await deps.unlockTokens.mint(link));
      return;
    }
    const account = `link:${link.id}`;
    const client = req.socket.remoteAddress ?? '';
    const waitS = deps.throttle.waitS(account, client);
    if (waitS > 0) {
      throw new HttpError(429, 'too_many_attempts', 'Trop d’essais : réessayez dans un moment.', { headers: { 'retry-after': String(waitS) } });
    }
    if (!(await passwordMatches(link.password, body.password))) {
      deps.throttle.failed(account, client);
      throw new HttpError(401, 'wrong_password', 'Mot de passe incorrect.');
    }
    deps.throttle.succeeded(account, client);
    res.json(await deps.unlockTokens.mint(link));
  });

  return router;
}
