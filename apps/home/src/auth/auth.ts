import type { User, UserManager } from 'oidc-client-ts';

export type Auth = {
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
 * resolves (the page is leaving).
 */
export async function signIn(manager: UserManager): Promise<Auth> {
  let user: User | null;
  if (window.location.pathname === CALLBACK_PATH) {
    user = await manager.signinRedirectCallback();
    const returnTo = (user.state as { returnTo?: string } | undefined)?.returnTo;
    window.history.replaceState(null, '', returnTo && returnTo.startsWith('/') ? returnTo : '/');
  } else {
    user = await manager.getUser();
    if (user?.expired) user = await manager.signinSilent().catch(() => null);
  }
  if (!user || user.expired) {
    await manager.signinRedirect({ state: { returnTo: here() } });
    return new Promise<never>(() => {});
  }

  let current: User = user;
  manager.events.addUserLoaded((u) => {
    current = u;
  });
  return {
    accessToken: () => current.access_token,
    async renew() {
      const renewed = await manager.signinSilent().catch(() => null);
      if (renewed) current = renewed;
      return renewed !== null;
    },
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
