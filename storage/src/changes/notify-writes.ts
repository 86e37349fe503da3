import type { RequestHandler } from 'express';
import { claimsOf } from '../auth/internal-token.ts';
import type { ChangeNotifier } from './notifier.ts';

const READS = new Set(['GET', 'HEAD', 'OPTIONS', 'PROPFIND']);

/**
 * Pokes the notifier once a write on an instance has been answered with success: the routes
 * commit before they answer, so followers that wake up read the new rows. A failed request wrote
 * nothing (nothing is half-applied), so it wakes no one.
 */
export function notifyWrites(notifier: ChangeNotifier): RequestHandler {
  return (req, res, next) => {
    if (!READS.has(req.method)) {
      res.once('finish', () => {
        if (res.statusCode < 200 || res.statusCode > 299) return;
        // Every scope acting on an instance names it in `sub` (owner, app, sharing, device).
        const claims = claimsOf(res);
        if ('sub' in claims) notifier.poke(claims.sub);
      });
    }
    next();
  };
}
