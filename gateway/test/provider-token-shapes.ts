import type { JWTPayload } from 'jose';

/**
 * The tokens real providers hand the Home, claim for claim (header `typ` in `typ`), for a client
 * `mytoutatice` and a pupil `eleve`. What each id_token shares with its access token is what
 * makes it dangerous: same issuer, key and (often) audience.
 */
export type TokenShape = { typ: string | null; claims: JWTPayload };

const person = { sub: 'u-1042', name: 'Élise Lève', email: 'eleve@exemple.fr', preferred_username: 'eleve', profil: 'eleve' };

export const accessTokens = {
  /** LemonLDAP::NG's JWT access tokens (« Access token format: JWT »). */
  lemonldap: {
    typ: 'JWT',
    claims: { ...person, aud: ['mytoutatice'], client_id: 'mytoutatice', scope: 'openid profile email', jti: 'llng-at-1' },
  },
  /** Keycloak: the client in `azp`, `aud` the account service, its own `typ` claim, session ids. */
  keycloak: {
    typ: 'JWT',
    claims: {
      ...person,
      aud: 'account',
      azp: 'mytoutatice',
      typ: 'Bearer',
      scope: 'openid profile email',
      sid: 'kc-session',
      auth_time: 1_765_000_000,
      realm_access: { roles: ['offline_access'] },
    },
  },
  /** Entra ID (v2.0): the API's id as audience, `scp` for the scopes. */
  entra: {
    typ: 'JWT',
    claims: { ...person, aud: 'mytoutatice', azp: 'mytoutatice', scp: 'access_as_user', ver: '2.0', tid: 'tenant' },
  },
  /** RFC 9068, as the ENT simulator (oidc-provider) issues them. */
  rfc9068: {
    typ: 'at+jwt',
    claims: { ...person, aud: 'mytoutatice', client_id: 'mytoutatice', scope: 'openid profile email', jti: 'op-at-1' },
  },
} satisfies Record<string, TokenShape>;

const idToken = { nonce: 'n-0S6_WzA2Mj', at_hash: 'HK6E_P6Dh8Y93mRNtsDB1Q', auth_time: 1_765_000_000 };

export const idTokens = {
  lemonldap: { typ: 'JWT', claims: { ...person, ...idToken, aud: ['mytoutatice'], azp: 'mytoutatice', acr: 'loa-2' } },
  keycloak: { typ: 'JWT', claims: { ...person, ...idToken, aud: 'mytoutatice', azp: 'mytoutatice', typ: 'ID', sid: 'kc-session' } },
  entra: { typ: 'JWT', claims: { ...person, aud: 'mytoutatice', nonce: idToken.nonce, ver: '2.0', tid: 'tenant' } },
  /** oidc-provider's id_token carries no `typ` header. */
  rfc9068: { typ: null, claims: { ...person, ...idToken, aud: 'mytoutatice' } },
} satisfies Record<string, TokenShape>;
