import { createHmac } from 'node:crypto';
import { SignJWT, decodeProtectedHeader, jwtVerify } from 'jose';
import * as z from 'zod/mini';
import { AppSlug, Grant, grantsFromManifest, type AppToken, type InstalledApp } from '@mytoutatice/contract';
import { ExpiringCache, HttpError } from '@mytoutatice/server-kit';

/** The JWT `typ` that tells an app token from an ENT access token. */
const APP_TOKEN_TYPE = 'app+jwt';
const ISSUER = 'mytoutatice-gateway';
const AUDIENCE = 'mytoutatice-api';
const LIFETIME_S = 15 * 60;

const AppTokenClaims = z.object({ sub: z.string(), app: AppSlug, grants: z.array(Grant), exp: z.number() });
/** Who an app token acts for (the ENT `sub`), which app, and what its manifest grants. */
export type AppCaller = z.infer<typeof AppTokenClaims>;

export type AppTokens = {
  mint(userSub: string, app: InstalledApp): Promise<AppToken>;
  /** The token's claims, or a 401 when it is not a valid app token. */
  verify(token: string): Promise<AppCaller>;
};

/** Whether a bearer is an app token (by its header; verifying it is `verify`'s job). */
export function isAppToken(token: string): boolean {
  try {
    return decodeProtectedHeader(token).typ === APP_TOKEN_TYPE;
  } catch {
    return false;
  }
}

/**
 * Bearers for `/api` that an app gets from the person's session, limited to its manifest's
 * permissions. Signed with a key of their own, derived from the internal one, so that neither
 * kind of token can ever pass for the other.
 */
export function createAppTokens(secret: string): AppTokens {
  const key = createHmac('sha256', secret).update('mytoutatice app tokens').digest();
  // Verified tokens until they expire, as for ENT tokens: an app calls /api with the same token for minutes.
  const verified = new ExpiringCache<AppCaller>(50_000);
  return {
    async mint(userSub, app) {
      const exp = Math.floor(Date.now() / 1000) + LIFETIME_S;
      const token = await new SignJWT({ app: app.slug, grants: grantsFromManifest(app.permissions) })
        .setProtectedHeader({ alg: 'HS256', typ: APP_TOKEN_TYPE })
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setSubject(userSub)
        .setExpirationTime(exp)
        .sign(key);
      return { token, expiresAt: new Date(exp * 1000).toISOString() };
    },
    async verify(token) {
      const cached = verified.get(token);
      if (cached) return cached;
      try {
        const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE, typ: APP_TOKEN_TYPE });
        const caller = AppTokenClaims.parse(payload);
        verified.set(token, caller, caller.exp * 1000);
        return caller;
      } catch {
        throw new HttpError(401, 'invalid_token', 'Le jeton d’application est invalide ou expiré.', {
          headers: { 'www-authenticate': 'Bearer error="invalid_token"' },
        });
      }
    },
  };
}
