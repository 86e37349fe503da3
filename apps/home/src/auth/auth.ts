import type { User, UserManager } from 'oidc-client-ts';
import type { SessionUser } from '@mytoutatice/contract';
import { waitForNetworkToSignIn } from '../offline/offline-notice.ts';

export type Auth = {
  /** Who signed in on this tab, from the ENT's tokens: known offline too, when `me` cannot be read. */
  user: Pick<SessionUser, 'sub' | 'name'>;
  /** The current access token (renewed in the background by oidc-client-ts). */
  accessToken(): string | undefined;
  /** Renews the token now (after a 401); resolves false when the person must sign in again. */
  renew(): Promise<boolean>;
  /** Forgets this tab's tokens and signs in anew at the ENT (its login form, even with a live ENT session). */
  signInAgain(): Promise<void>;
  /** Ends the session here and at the ENT, then comes back to the Home. */
  signOut(): Promise<void>;
};

const CALLBACK_PATH = '/auth/callback';

/**
 * Resolves once a person is signed in. Otherwise sends the browser to the ENT and never
 * resolves (the page is leaving). Offline (a page reopened from the service worker's copy), the
 * session kept in this tab opens the page even with its token expired, and is renewed when the
 * network is back; without one, the page waits for the network instead of leaving for the ENT.
 */
export async function signIn(manager: UserManager, host: HTMLElement): Promise<Auth> {
  let user: User | null;
  if (window.location.pathname === CALLBACK_PATH) {
    user = await manager.signinRedirectCallback();
    const returnTo = (user.state as { returnTo?: string } | undefined)?.returnTo;
    window.history.replaceState(null, '', returnTo && returnTo.startsWith('/') ? returnTo : '/');
  } else {
    user = await manager.getUser();
    if (user?.expired && navigator.onLine) user = await manager.signinSilent().catch(() => null);
  }
  if (!user && !navigator.onLine) return waitForNetworkToSignIn(host);
  if (!user || (user.expired && navigator.onLine)) {
    await manager.signinRedirect({ state: { returnTo: here() } });
    return new Promise<never>(() => {});
  }

  let current: User = user;
  manager.events.addUserLoaded((u) => {
    current = u;
  });
  const renew = async () => {
    const renewed = await manager.signinSilent().catch(() => null);
    if (renewed) current = renewed;
    return renewed !== null;
  };
  // A token that expired offline is renewed as soon as the network is back, before the apps'
  // calls meet a 401 (which would renew it too, one call later).
  window.addEventListener('online', () => {
    if (current.expired) void renew();
  });
  return {
    user: { sub: current.profile.sub, name: current.profile.name ?? current.profile.preferred_username ?? '' },
    accessToken: () => current.access_token,
    renew,
    async signInAgain() {
      await manager.removeUser();
      await manager.signinRedirect({ state: { returnTo: here() }, prompt: 'login' });
    },
    async signOut() {
      await manager.signoutRedirect({ id_token_hint: current.id_token });
    },
  };
}

const here = () => `${window.location.pathname}${window.location.search}`;
