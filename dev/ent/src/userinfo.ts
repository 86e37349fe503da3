import { createPublicKey, verify } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { accountBySub, claimsForScopes } from './accounts.ts';
import type { DemoAccount } from './accounts.ts';
import type { EntKeys } from './keys.ts';
import { sendJson } from './page.ts';

interface Verified {
  account: DemoAccount;
  scopes: Set<string>;
}

function part(segment: string | undefined): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment ?? '', 'base64url').toString('utf8'));
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Checks one of our own RS256 access tokens: signature, issuer, audience, expiry. */
function verifyAccessToken(jwt: string, keys: EntKeys, issuer: string, audience: string): Verified | undefined {
  const [h, p, s] = jwt.split('.');
  const header = part(h);
  const payload = part(p);
  const key = keys.jwks.keys.find((k) => k.kid === header?.kid);
  // typ keeps id_tokens, signed by the same key for the same audience, out.
  if (!header || !payload || !s || !key || header.alg !== 'RS256' || header.typ !== 'at+jwt') return undefined;
  const signed = verify('RSA-SHA256', Buffer.from(`${h}.${p}`), createPublicKey({ key, format: 'jwk' }), Buffer.from(s, 'base64url'));
  const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  const fresh = typeof payload.exp === 'number' && payload.exp > Date.now() / 1000;
  if (!signed || payload.iss !== issuer || !audiences.includes(audience) || !fresh) return undefined;
  const account = typeof payload.sub === 'string' ? accountBySub(payload.sub) : undefined;
  return account ? { account, scopes: new Set(String(payload.scope ?? '').split(' ')) } : undefined;
}

/**
 * The userinfo endpoint (`/me`, as advertised in discovery). oidc-provider's own refuses every
 * access token that has an audience, and all of ours do (they are JWTs for the gateway), so this
 * one answers instead. Like the gateway, it trusts the token until it expires: oidc-provider keeps
 * no record of JWT access tokens, so logging out does not recall them.
 */
export function userinfoRoute(opts: { keys: EntKeys; issuer: string; clientId: string; publicOrigin: string }) {
  const { keys, issuer, clientId, publicOrigin } = opts;
  return (req: IncomingMessage, res: ServerResponse): void => {
    const cors: Record<string, string> =
      req.headers.origin === publicOrigin
        ? { 'access-control-allow-origin': publicOrigin, 'access-control-expose-headers': 'WWW-Authenticate', vary: 'Origin' }
        : { vary: 'Origin' };
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        ...cors,
        'access-control-allow-methods': 'GET, POST',
        'access-control-allow-headers': 'Authorization',
        'access-control-max-age': '3600',
      });
      res.end();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'POST') {
      res.writeHead(405, { allow: 'GET, POST, OPTIONS' }).end();
      return;
    }

    const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const verified = token ? verifyAccessToken(token, keys, issuer, clientId) : undefined;
    if (!verified) {
      const error = token ? 'error="invalid_token"' : '';
      sendJson(res, 401, { error: 'invalid_token', error_description: 'invalid or expired access token' }, {
        ...cors,
        'www-authenticate': `Bearer realm="${issuer}"${error ? `, ${error}` : ''}`,
      });
      return;
    }
    if (!verified.scopes.has('openid')) {
      sendJson(res, 403, { error: 'insufficient_scope', error_description: 'access token missing openid scope' }, {
        ...cors,
        'www-authenticate': `Bearer realm="${issuer}", error="insufficient_scope", scope="openid"`,
      });
      return;
    }
    sendJson(res, 200, claimsForScopes(verified.account, verified.scopes), cors);
  };
}
