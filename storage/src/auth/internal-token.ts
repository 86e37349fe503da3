import { jwtVerify } from 'jose';
import type { RequestHandler, Response } from 'express';
import { INTERNAL_TOKEN_AUDIENCE, internalTokenClaims, type InternalTokenClaims } from '@mytoutatice/contract';
import { ExpiringCache, HttpError } from '@mytoutatice/server-kit';

export type InternalClaims = InternalTokenClaims;

const ISSUER = 'mytoutatice-gateway';
const DEFAULT_CACHE_SIZE = 10_000;

/**
 * Verifies the gateway's internal tokens (HS256, shared secret) and remembers the verified ones
 * until they expire: a token is typically reused for a burst of calls, and verifying it again
 * each time would cost more than the request itself on small reads.
 */
export class InternalTokenVerifier {
  readonly #key: Uint8Array;
  readonly #cache: ExpiringCache<InternalClaims>;

  constructor(secret: string, maxEntries = DEFAULT_CACHE_SIZE) {
    this.#key = new TextEncoder().encode(secret);
    this.#cache = new ExpiringCache(maxEntries);
  }

  /** The token's claims, or undefined when it is not one the gateway signed and still valid. */
  async verify(token: string): Promise<InternalClaims | undefined> {
    const cached = this.#cache.get(token);
    if (cached) return cached;
    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(token, this.#key, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: INTERNAL_TOKEN_AUDIENCE,
        requiredClaims: ['exp'],
      }));
    } catch {
      return undefined;
    }
    const parsed = internalTokenClaims.safeParse(payload);
    if (!parsed.success) return undefined;
    const claims = parsed.data;
    this.#cache.set(token, claims, claims.exp * 1000);
    return claims;
  }

  get cacheSize(): number {
    return this.#cache.size;
  }
}

const BEARER = /^Bearer ([A-Za-z0-9._~+/=-]+)$/;

/**
 * The claims of an `Authorization: Bearer <internal token>` header, or the 401 to answer: what
 * every HTTP route and the realtime WebSocket's upgrade check.
 */
export async function verifyAuthorization(verifier: InternalTokenVerifier, header: string | undefined): Promise<InternalClaims> {
  if (header === undefined || header === '') {
    throw new HttpError(401, 'unauthenticated', 'Un jeton interne est requis.', { headers: { 'WWW-Authenticate': 'Bearer' } });
  }
  const token = BEARER.exec(header)?.[1];
  const claims = token === undefined ? undefined : await verifier.verify(token);
  if (!claims) {
    throw new HttpError(401, 'invalid_token', 'Le jeton interne est invalide ou expiré.', {
      headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' },
    });
  }
  return claims;
}

/** Every route but /healthz goes through this: a valid internal token or a 401 problem. */
export function requireInternalToken(verifier: InternalTokenVerifier): RequestHandler {
  return async (req, res, next) => {
    res.locals.auth = await verifyAuthorization(verifier, req.get('authorization'));
    next();
  };
}

/** A token that may not do this: the route, or the type of resource, is not granted. */
export function forbidden(): HttpError {
  return new HttpError(403, 'forbidden', 'Ce jeton ne donne pas accès à cette opération.');
}

export function claimsOf(res: Response): InternalClaims {
  const claims = res.locals.auth as InternalClaims | undefined;
  if (!claims) throw new Error('requireInternalToken must run before this handler');
  return claims;
}

/** Who is creating something in this call, for `createdBy` (see creatorOfClaims). */
export function creatorOf(res: Response): string | null {
  return creatorOfClaims(claimsOf(res));
}

/**
 * The creator a token's writes carry: the app of an app token, a sharing's member
 * (`sharing:<sharing>:<member>`, what a « dépôt » tells members' items apart by), else null (the person).
 */
export function creatorOfClaims(claims: InternalClaims): string | null {
  if (claims.scope === 'app') return claims.app;
  if (claims.scope === 'sharing' && claims.member !== undefined) return `sharing:${claims.sharing}:${claims.member}`;
  return null;
}
