import { createHmac } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import type { LinkUnlock } from '@mytoutatice/contract';
import type { LinkRecord } from './link-store.ts';

const AUDIENCE = 'mytoutatice-link-visitor';
const ISSUER = 'mytoutatice-gateway';
const UNLOCK_LIFETIME_S = 3600;

export type UnlockTokens = {
  /** Proof that the visitor gave the link's current password, for an hour. */
  mint(link: LinkRecord): Promise<LinkUnlock>;
  /** Whether `token` unlocks `link` as it is now (same link, same password version, not expired). */
  opens(token: string | undefined, link: LinkRecord): Promise<boolean>;
};

/**
 * A key of its own, derived from the internal secret, and its own audience: an unlock token can
 * never pass for an internal or a download token, nor the reverse.
 */
export function createUnlockTokens(secret: string): UnlockTokens {
  const key = createHmac('sha256', secret).update('public-link-unlock').digest();
  return {
    async mint(link) {
      const now = Math.floor(Date.now() / 1000);
      const exp = now + UNLOCK_LIFETIME_S;
      const token = await new SignJWT({ pv: link.passwordVersion })
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setSubject(link.id)
        .setIssuedAt(now)
        .setExpirationTime(exp)
        .sign(key);
      return { token, expiresAt: new Date(exp * 1000).toISOString() };
    },
    async opens(token, link) {
      if (!token) return false;
      try {
        const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE, subject: link.id, requiredClaims: ['exp'] });
        return payload.pv === link.passwordVersion;
      } catch {
        return false;
      }
    },
  };
}
