import { UserManager, WebStorageStateStore } from 'oidc-client-ts';

export type OidcSettings = { authority: string; clientId: string; publicUrl: string };

/**
 * One place for the OIDC client settings, used by the page and by the silent-renew frame. The
 * URIs are the stable interface of ARCHITECTURE.md; any provider works by configuration.
 */
export function createUserManager({ authority, clientId, publicUrl }: OidcSettings): UserManager {
  return new UserManager({
    authority,
    client_id: clientId,
    redirect_uri: `${publicUrl}/auth/callback`,
    silent_redirect_uri: `${publicUrl}/silent-renew.html`,
    post_logout_redirect_uri: `${publicUrl}/`,
    response_type: 'code',
    scope: 'openid profile email',
    automaticSilentRenew: true,
    // Per tab: closing the browser ends the session on shared school computers.
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
  });
}
