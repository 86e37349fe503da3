import type { Request, RequestHandler } from 'express';
import type { SessionUser } from '@mytoutatice/contract';
import { HttpError } from '@mytoutatice/server-kit';
import type { TokenVerifier } from './verify-token.ts';

/** HTTP auth schemes compare case-insensitively (RFC 9110 §11.1): `bearer` and `BEARER` are `Bearer`. */
const BEARER = /^bearer +(\S+) *$/i;

/** The token of an `Authorization: Bearer <token>` header, wherever the gateway reads one. */
export function bearerToken(req: Pick<Request, 'headers'>): string | undefined {
  return BEARER.exec(req.headers.authorization ?? '')?.[1];
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
