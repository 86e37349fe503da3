import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import type { JWTPayload } from 'jose';

export type LocalIssuer = {
  /** The issuer URL (`iss`), serving discovery and its JWKS on 127.0.0.1. */
  issuer: string;
  /** Signs `claims` with the issuer's key; `typ: null` leaves the header's `typ` out. */
  sign(claims: JWTPayload, header?: { typ?: string | null; kid?: string }): Promise<string>;
  close(): Promise<void>;
};

/**
 * A stand-in for any OIDC provider (LemonLDAP::NG, Keycloak, Entra ID…): discovery and a JWKS on
 * the loopback, and tokens of whatever shape a test writes, signed with the published key.
 */
export async function startLocalIssuer(): Promise<LocalIssuer> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'local-1', alg: 'RS256', use: 'sig' };
  let issuer = '';
  const server = createServer((req, res) => {
    const body =
      req.url === '/.well-known/openid-configuration'
        ? { issuer, jwks_uri: `${issuer}/jwks`, authorization_endpoint: `${issuer}/authorize`, token_endpoint: `${issuer}/token` }
        : req.url === '/jwks'
          ? { keys: [jwk] }
          : undefined;
    res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' }).end(JSON.stringify(body ?? {}));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    sign(claims, header = {}) {
      const typ = header.typ === undefined ? 'JWT' : header.typ;
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({ iss: issuer, iat: now, exp: now + 300, ...claims })
        .setProtectedHeader({ alg: 'RS256', kid: header.kid ?? jwk.kid, ...(typ === null ? {} : { typ }) })
        .sign(privateKey);
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
