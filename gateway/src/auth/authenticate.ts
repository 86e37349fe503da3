import type { Request, RequestHandler } from 'express';
import type { SessionUser } from '@mytoutatice/contract';
import { HttpError } from '@mytoutatice/server-kit';
import type { TokenVerifier } from './verify-token.ts';

export function bearerToken(req: Pick<Request, 'headers'>): string | undefined {
  const header = req.headers.authorization;
  if (!header || !header.startsWith('Bearer ')) return undefined;
  const token = header.slice(7).trim();
  return token === '' ? undefined : token;
}

/** Puts the verified ENT user in `res.locals.user`, or answers 401. */
export function authenticate(verify: TokenVerifier): RequestHandler {
  return async (req, res, next) => {
    const token = bearerToken(req);
    if (!token) {
      res.setHeader('www-authenticate', 'Bearer');
      throw new HttpError(401, 'unauthenticated', 'Un jeton d’accès (Bearer) est requis.');
    }
    res.locals.user = await verify(token);
    next();
  };
}

export function currentUser(res: { locals: Record<string, unknown> }): SessionUser {
  return res.locals.user as SessionUser;
}
