import { errors } from 'oidc-provider';
import type { Configuration, KoaContextWithOIDC } from 'oidc-provider';
import { accountBySub, claimsByScope, claimsForScopes, claimsOf } from './accounts.ts';
import type { EntConfig } from './config.ts';
import type { EntKeys } from './keys.ts';
import { logoutSource, postLogoutSuccessSource } from './logout.ts';
import { entBar, html, renderPage } from './page.ts';

/** Scopes the MyToutatice API accepts; the JWT access token's `scope` is drawn from these. */
const API_SCOPE = 'openid profile email';

/**
 * The resource indicator standing for the MyToutatice API. The client never sends one
 * (oidc-client-ts does not), so every request defaults to it: that is what makes oidc-provider
 * issue a JWT access token, whose audience we set to the client id.
 */
function apiResource(config: EntConfig): string {
  return `${config.publicUrl}/api`;
}

const HOUR = 60 * 60;

export function providerConfiguration(config: EntConfig, keys: EntKeys): Configuration {
  const resource = apiResource(config);
  const publicOrigin = new URL(config.publicUrl).origin;

  return {
    clients: [
      {
        client_id: config.clientId,
        client_name: 'MyToutatice',
        application_type: 'web',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: [`${config.publicUrl}/auth/callback`, `${config.publicUrl}/silent-renew.html`],
        post_logout_redirect_uris: [`${config.publicUrl}/`],
      },
    ],
    jwks: keys.jwks,
    cookies: {
      keys: keys.cookieKeys,
      // Cookies ignore ports: on localhost the Home (8080) would otherwise see `_session` too.
      names: { session: 'ent_session', interaction: 'ent_interaction', resume: 'ent_interaction_resume' },
    },
    claims: Object.fromEntries(Object.entries(claimsByScope).map(([scope, names]) => [scope, [...names]])),
    scopes: ['openid', 'profile', 'email', 'offline_access'],
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    responseTypes: ['code'],
    clientBasedCORS: (_ctx, origin, client) => origin === publicOrigin && client.clientId === config.clientId,

    async findAccount(_ctx, sub) {
      const account = accountBySub(sub);
      if (!account) return undefined;
      return { accountId: sub, claims: () => claimsOf(account) };
    },

    // The gateway only sees the access token: give it the same identity claims as the id_token.
    async extraTokenClaims(_ctx, token) {
      if (!('accountId' in token) || !token.accountId) return undefined;
      const account = accountBySub(token.accountId);
      if (!account) return undefined;
      const { sub: _sub, ...claims } = claimsForScopes(account, token.scopes);
      return claims;
    },

    // First-party client: consent is implied, so grant whatever it asks for and never prompt.
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const { oidc } = ctx;
      const accountId = oidc.session?.accountId;
      if (!oidc.client || !accountId || oidc.client.clientId !== config.clientId) return undefined;
      const grantId = oidc.result?.consent?.grantId ?? oidc.session.grantIdFor(oidc.client.clientId);
      const existing = grantId ? await oidc.provider.Grant.find(grantId) : undefined;
      const grant =
        existing?.accountId === accountId ? existing : new oidc.provider.Grant({ accountId, clientId: oidc.client.clientId });
      grant.addOIDCScope([...oidc.requestParamOIDCScopes].join(' '));
      grant.addOIDCClaims([...oidc.requestParamClaims]);
      for (const [indicator, server] of Object.entries(oidc.resourceServers ?? {})) {
        grant.addResourceScope(indicator, server.scope);
      }
      await grant.save();
      return grant;
    },

    // Refresh tokens for the Home's silent renew even without offline_access; without it they
    // die with the ENT session, so logging out of the ENT also ends renewals.
    issueRefreshToken: (_ctx, client, code) =>
      client.grantTypeAllowed('refresh_token') && code.scopes.has('openid'),

    ttl: {
      AccessToken: config.accessTokenTtl,
      AuthorizationCode: 60,
      IdToken: HOUR,
      Interaction: HOUR,
      Session: 12 * HOUR,
      Grant: 12 * HOUR,
      RefreshToken: (ctx, token, client) => {
        const rotated = ctx?.oidc?.entities.RotatedRefreshToken;
        // Rotation keeps the original deadline instead of extending it forever.
        if (rotated && client.clientAuthMethod === 'none') return rotated.remainingTTL;
        return 12 * HOUR;
      },
    },

    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      userinfo: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: logoutSource(config.publicUrl),
        postLogoutSuccessSource: postLogoutSuccessSource(config.publicUrl),
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => resource,
        useGrantedResource: () => true,
        getResourceServerInfo(_ctx, indicator, client) {
          if (indicator !== resource || client.clientId !== config.clientId) throw new errors.InvalidTarget();
          return {
            scope: API_SCOPE,
            audience: config.clientId,
            accessTokenFormat: 'jwt',
            accessTokenTTL: config.accessTokenTtl,
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
    },

    renderError(ctx, out) {
      ctx.type = 'html';
      ctx.body = renderPage({
        title: 'Une erreur est survenue',
        body: html`${entBar}
<main class="narrow">
  <div class="card">
    <h1>Une erreur est survenue</h1>
    <p>La demande de connexion n'a pas pu aboutir.</p>
    <p><code>${out.error}</code>${out.error_description ? html` : ${out.error_description}` : ''}</p>
    <p><a href="${config.publicUrl}/">Retour à MyToutatice</a></p>
  </div>
</main>`,
      });
    },
  };
}
