import { createRemoteJWKSet, jwtVerify, errors } from 'jose';
import type { JWTPayload } from 'jose';
import type { SessionUser } from '@mytoutatice/contract';
import { ExpiringCache, HttpError } from '@mytoutatice/server-kit';

export type TokenVerifierOptions = {
  issuer: string;
  audience: string;
  profileClaim: string;
  /** The JWT `typ` access tokens carry (RFC 9068 `at+jwt`); configurable for providers that omit it. */
  accessTokenType?: string | undefined;
  /** Tolerated clock difference with the issuer, in seconds. */
  clockTolerance?: number;
};

export type TokenVerifier = (token: string) => Promise<SessionUser>;

/**
 * Verifies the ENT's JWT access tokens against the issuer's JWKS (found through discovery, so any
 * standard OIDC provider works by configuration alone). A verified token is remembered until it
 * expires: signature checks dominated the gateway's cost per request before this cache.
 */
export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const cache = new ExpiringCache<SessionUser>(50_000);
  let jwks: ReturnType<typeof createRemoteJWKSet> | undefined;

  async function keySet(): Promise<ReturnType<typeof createRemoteJWKSet>> {
    if (jwks) return jwks;
    const res = await fetch(`${options.issuer}/.well-known/openid-configuration`);
    if (!res.ok) throw new HttpError(502, 'upstream_unavailable');
    const discovery = (await res.json()) as { jwks_uri?: string; issuer?: string };
    if (!discovery.jwks_uri) throw new HttpError(502, 'upstream_unavailable');
    jwks = createRemoteJWKSet(new URL(discovery.jwks_uri));
    return jwks;
  }

  return async function verify(token: string): Promise<SessionUser> {
    const cached = cache.get(token);
    if (cached) return cached;
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, await keySet(), {
        issuer: options.issuer,
        audience: options.audience,
        // RFC 9068 access tokens: the id_token shares issuer, audience and key, and must not pass.
        typ: options.accessTokenType ?? 'at+jwt',
        clockTolerance: options.clockTolerance ?? 5,
        requiredClaims: ['sub', 'exp'],
      }));
    } catch (err) {
      if (err instanceof HttpError) throw err;
      const expired = err instanceof errors.JWTExpired;
      throw new HttpError(401, 'invalid_token', expired ? 'Votre session a expiré : reconnectez-vous.' : `Jeton refusé (${describe(err)}).`);
    }
    const user = toSessionUser(payload, options.profileClaim);
    cache.set(token, user, (payload.exp ?? 0) * 1000);
    return user;
  };
}

function describe(err: unknown): string {
  if (err instanceof errors.JOSEError) return err.code;
  return 'ERR_INVALID_TOKEN';
}

function toSessionUser(payload: JWTPayload, profileClaim: string): SessionUser {
  const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
  const sub = text(payload.sub) ?? '';
  const username = text(payload.preferred_username) ?? sub;
  return {
    sub,
    username,
    name: text(payload.name) ?? username,
    email: text(payload.email),
    profile: payload[profileClaim] === 'staff' ? 'staff' : 'pupil',
  };
}
