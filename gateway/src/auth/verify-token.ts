import { createRemoteJWKSet, jwtVerify, errors } from 'jose';
import type { JWTVerifyResult } from 'jose';
import type { JWTPayload } from 'jose';
import type { Logger } from 'pino';
import type { SessionUser } from '@mytoutatice/contract';
import { ExpiringCache, HttpError } from '@mytoutatice/server-kit';
import { ACCESS_TOKEN_TYPES, refusalOf } from './access-token-rule.ts';
import type { AccessTokenType } from './access-token-rule.ts';

export type TokenVerifierOptions = {
  issuer: string;
  audience: string;
  profileClaim: string;
  /** The JWT types access tokens may come in (see access-token-rule.ts); all by default. */
  accessTokenTypes?: readonly AccessTokenType[] | undefined;
  /** Tolerated clock difference with the issuer, in seconds. */
  clockTolerance?: number;
  /** Why a token was refused goes here, at debug level: the caller is only told its session is not valid. */
  log?: Pick<Logger, 'debug'> | undefined;
};

export type TokenVerifier = (token: string) => Promise<SessionUser>;

/**
 * Verifies the ENT's JWT access tokens against the issuer's JWKS (found through discovery, so any
 * standard OIDC provider works by configuration alone). A verified token is remembered until it
 * expires: signature checks dominated the gateway's cost per request before this cache.
 */
export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const cache = new ExpiringCache<SessionUser>(50_000);
  const rule = { clientId: options.audience, types: options.accessTokenTypes ?? ACCESS_TOKEN_TYPES };
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

  function refuse(reason: Record<string, unknown>, expired = false): HttpError {
    options.log?.debug(reason, 'access token refused');
    return new HttpError(401, 'invalid_token', expired ? 'Votre session a expiré : reconnectez-vous.' : 'Votre session n’est pas valide : reconnectez-vous.', {
      headers: { 'www-authenticate': 'Bearer error="invalid_token"' },
    });
  }

  return async function verify(token: string): Promise<SessionUser> {
    const cached = cache.get(token);
    if (cached) return cached;
    let verified: JWTVerifyResult;
    try {
      // Audience and type are the rule's to judge: Keycloak's tokens name the client in `azp`.
      verified = await jwtVerify(token, await keySet(), {
        issuer: options.issuer,
        clockTolerance: options.clockTolerance ?? 5,
        requiredClaims: ['sub', 'exp'],
      });
    } catch (err) {
      if (err instanceof HttpError) throw err;
      if (err instanceof errors.JWKSTimeout || err instanceof errors.JWKSInvalid || !(err instanceof errors.JOSEError)) {
        // The issuer's keys could not be read: not the token's fault, and no reason to sign in again.
        throw new HttpError(502, 'upstream_unavailable', 'Le service de connexion de l’ENT ne répond pas.');
      }
      const claim = err instanceof errors.JWTClaimValidationFailed ? err.claim : undefined;
      throw refuse({ code: err.code, claim }, err instanceof errors.JWTExpired);
    }
    const refusal = refusalOf(verified.protectedHeader, verified.payload, rule);
    if (refusal) throw refuse({ code: refusal, typ: verified.protectedHeader.typ });
    const user = toSessionUser(verified.payload, options.profileClaim);
    cache.set(token, user, (verified.payload.exp ?? 0) * 1000);
    return user;
  };
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
