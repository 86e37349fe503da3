import { SignJWT } from 'jose';
import { INTERNAL_TOKEN_AUDIENCE } from '@mytoutatice/contract';
import type { Grant, InternalScope } from '@mytoutatice/contract';
import { ExpiringCache } from '@mytoutatice/server-kit';

const LIFETIME_S = 60;
/** A token is reused while it has at least this long to live, so the storage side never sees it expire mid-request. */
const REUSE_S = 30;

/**
 * For the `app` scope: which app, and what it may touch; for `sharing`: which sharing, whose
 * hands, and what it opens; for `visitor`: which public link, and what it opens.
 */
type ScopedGrant =
  | { app: string; grants: Grant[] }
  | { sharing: string; member?: string; grants: Grant[] }
  | { link: string; keepGps?: boolean; grants: Grant[] };

export type InternalTokenMinter = (scope: InternalScope, instanceId?: string, scopedGrant?: ScopedGrant) => Promise<string>;

/**
 * Mints the short-lived HS256 tokens the storage backend accepts. Minting costs an HMAC and some
 * JSON per call; reusing a token for half its life keeps that off most requests.
 */
export function createInternalTokenMinter(secret: string): InternalTokenMinter {
  const key = new TextEncoder().encode(secret);
  const cache = new ExpiringCache<string>(50_000);
  return async (scope, instanceId, scopedGrant) => {
    const cacheKey = `${scope}:${instanceId ?? ''}:${scopedGrant ? JSON.stringify(scopedGrant) : ''}`;
    const hit = cache.get(cacheKey, Date.now() + REUSE_S * 1000);
    if (hit) return hit;
    const now = Math.floor(Date.now() / 1000);
    const jwt = new SignJWT({ scope, ...scopedGrant })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('mytoutatice-gateway')
      .setAudience(INTERNAL_TOKEN_AUDIENCE)
      .setIssuedAt(now)
      .setExpirationTime(now + LIFETIME_S);
    if (instanceId) jwt.setSubject(instanceId);
    const token = await jwt.sign(key);
    cache.set(cacheKey, token, (now + LIFETIME_S) * 1000);
    return token;
  };
}
