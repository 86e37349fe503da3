import type { JWTPayload, ProtectedHeaderParameters } from 'jose';

/**
 * The JWT `typ` headers the gateway may take access tokens in (`OIDC_ACCESS_TOKEN_TYPES`):
 * `at+jwt` (RFC 9068) and `JWT`, which also stands for no `typ` at all (RFC 7519 makes it optional).
 */
export const ACCESS_TOKEN_TYPES = ['at+jwt', 'JWT'] as const;
export type AccessTokenType = (typeof ACCESS_TOKEN_TYPES)[number];

export type AccessTokenRule = { clientId: string; types: readonly AccessTokenType[] };

/** Why a signed, unexpired token from the issuer still does not open the API (logged, never sent). */
export type Refusal = 'typ_not_accepted' | 'aud_mismatch' | 'not_an_access_token';

/**
 * Whether a token whose signature, issuer and expiry already passed is an access token for this
 * client. The rule:
 *
 *  - `typ: at+jwt` (RFC 9068): its `aud` must hold the client id. Nothing else is asked: the
 *    type alone tells it from an id_token.
 *  - `typ: JWT` or no `typ` (LemonLDAP::NG, Keycloak, Entra ID): the type says nothing, so the
 *    claims must.
 *      1. Issued for this client: `aud` holds the client id, or `azp` or `client_id` equals it
 *         (Keycloak's access tokens say `aud: account` and name the client in `azp`).
 *      2. An access token: it carries `scope` (Entra ID: `scp`) or `client_id`, which OpenID
 *         Connect never puts in an id_token; and neither `at_hash` nor `c_hash`, which only an
 *         id_token carries. `nonce` and `auth_time` prove nothing: some providers copy them
 *         into access tokens too.
 *    An id_token (same issuer, key and audience, but no `scope`/`client_id`) thus never opens the API.
 *  - Any other `typ` (`app+jwt`, `logout+jwt`, …), or a type left out of `types`: refused.
 *
 * Types compare as RFC 7515 §4.1.9 says: case-insensitively, `application/` optional.
 */
export function refusalOf(header: ProtectedHeaderParameters, payload: JWTPayload, rule: AccessTokenRule): Refusal | undefined {
  const typ = header.typ?.toLowerCase().replace(/^application\//, '');
  const audience = typeof payload.aud === 'string' ? [payload.aud] : (payload.aud ?? []);
  if (typ === 'at+jwt') {
    if (!rule.types.includes('at+jwt')) return 'typ_not_accepted';
    return audience.includes(rule.clientId) ? undefined : 'aud_mismatch';
  }
  if ((typ !== undefined && typ !== 'jwt') || !rule.types.includes('JWT')) return 'typ_not_accepted';
  if (!audience.includes(rule.clientId) && payload.azp !== rule.clientId && payload.client_id !== rule.clientId) return 'aud_mismatch';
  const scoped = isText(payload.scope) || isText(payload.scp) || isText(payload.client_id);
  if (!scoped || 'at_hash' in payload || 'c_hash' in payload) return 'not_an_access_token';
  return undefined;
}

const isText = (value: unknown): boolean => typeof value === 'string' && value.trim() !== '';
