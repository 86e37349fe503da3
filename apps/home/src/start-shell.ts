/**
 * What runs once the person is signed in: registers every app from the layout with a loader and
 * an error fallback. The Home page and the navigation bar are React micro-frontends, loaded like
 * the others.
 */
import { addErrorHandler, getAppNames, registerApplication, start, triggerAppChange, unregisterApplication } from 'single-spa';
import type { LifeCycles } from 'single-spa';
import { createClient, createRealtime, isApiError } from '@mytoutatice/sdk';
import type { Realtime } from '@mytoutatice/sdk';
import { connectRealtimeToQueryClient, meQueryOptions } from '@mytoutatice/sdk/react';
import type { ShellProps } from '@mytoutatice/sdk/react';
import type { Me } from '@mytoutatice/contract';
import type { Auth } from './auth/auth.ts';
import type { ShellConfig } from './config.ts';
import { renderErrorPanel } from './error-panel.ts';
import { HOME_ROUTES } from './home-routes.ts';
import { mountLayout } from './layout.ts';
import { loadApp } from './load-app.ts';
import { showConnectionNotice } from './offline/offline-notice.ts';
import { registerOfflineWorker } from './offline/register-worker.ts';
import { createSessionGuard } from './session/session-guard.ts';

export async function startShell(config: ShellConfig, auth: Auth): Promise<void> {
  const host = document.getElementById('mt-shell') ?? document.body;
  let realtime: Realtime | undefined;
  // A token the gateway refuses (after one renewal) ends everything that would call it again,
  // and the page says so instead of loading forever.
  const guard = createSessionGuard(auth.renew, () => {
    realtime?.close();
    void Promise.all(getAppNames().map((name) => unregisterApplication(name))).finally(() => guard.queryClient.clear());
    // Fetched only when it happens: the shell is at its size budget.
    void import('./session/session-refused-panel.ts').then(({ renderSessionRefused }) => renderSessionRefused(host, auth));
  });
  const { queryClient } = guard;
  const session = { getToken: auth.accessToken, onUnauthorized: guard.renew };
  const client = createClient(session);
  const readMe = () => queryClient.fetchQuery(meQueryOptions(client));
  // Offline (the page reopened from the service worker's copy), `me` cannot be read: the apps
  // open from what this device keeps, and `me` is read when the network is back.
  let me: Me | null = null;
  if (navigator.onLine) {
    try {
      me = await readMe();
    } catch (error) {
      if (guard.refused) return;
      if (!isApiError(error) || error.status !== 0) throw error;
    }
  }

  let hasSpace = me === null || me.space !== null;
  // One realtime connection for the page, once the space exists: changes made elsewhere (another
  // tab, a device, WebDAV) refresh the queries of every app through the shared QueryClient.
  let following = false;
  const followChanges = () => {
    if (following) return;
    following = true;
    realtime = createRealtime(session);
    connectRealtimeToQueryClient(realtime, queryClient);
  };
  const toOnboarding = () => {
    if (window.location.pathname !== '/onboarding') window.history.replaceState(null, '', '/onboarding');
  };
  if (me === null) {
    const whenOnline = () => {
      readMe().then(
        (read) => {
          hasSpace = read.space !== null;
          if (hasSpace) return followChanges();
          toOnboarding();
          triggerAppChange();
        },
        // Still unreachable: the next return of the network tries again.
        () => window.addEventListener('online', whenOnline, { once: true }),
      );
    };
    window.addEventListener('online', whenOnline, { once: true });
  } else if (hasSpace) followChanges();
  else toOnboarding();

  const layout = mountLayout(host, config.apps);
  showConnectionNotice(layout.navbar);
  const props: ShellProps = {
    client,
    queryClient,
    apps: config.apps,
    user: auth.user,
    signOut: auth.signOut,
    onSpaceCreated() {
      hasSpace = true;
      followChanges();
    },
  };
  const names = new Map<string, string>([['home', 'Accueil'], ['navbar', 'Navigation']]);

  registerApplication({
    name: 'navbar',
    app: () => import('./navbar/main.tsx') as Promise<LifeCycles<ShellProps>>,
    activeWhen: () => true,
    customProps: { ...props, domElement: layout.navbar },
  });
  registerApplication({
    name: 'home',
    app: () => import('./page/main.tsx') as Promise<LifeCycles<ShellProps>>,
    // Until the space exists, every route shows the onboarding.
    activeWhen: (location) => !hasSpace || HOME_ROUTES.includes(location.pathname),
    customProps: { ...props, domElement: layout.areaOf('home') },
  });
  for (const app of config.apps) {
    names.set(app.slug, app.name);
    registerApplication({
      name: app.slug,
      app: () => loadApp({ name: app.name, url: app.entryUrl, styles: app.styleUrls, area: layout.areaOf(app.slug) }),
      activeWhen: (location) => hasSpace && (location.pathname === app.route || location.pathname.startsWith(`${app.route}/`)),
      customProps: { ...props, domElement: layout.areaOf(app.slug) },
    });
  }

  // An app that throws while mounting is marked broken by single-spa: show it in its own area.
  addErrorHandler((error) => {
    const slug = error.appOrParcelName;
    if (!getAppNames().includes(slug) || slug === 'navbar') return;
    renderErrorPanel(layout.areaOf(slug), names.get(slug) ?? slug, error);
  });

  start({ urlRerouteOnly: true });
  registerOfflineWorker().catch((error: unknown) => console.warn('MyToutatice will not open offline: its service worker is not registered', error));
}
