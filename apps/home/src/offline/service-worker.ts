/**
 * The service worker served at `/sw.js` (scope `/`): a page of the Home visited on this device
 * opens again without a network (see offline-routes.ts for what it keeps and why). Built by the
 * Home's build into one classic script, Workbox included: the import map does not reach workers. Type-checked on its own
 * (`tsconfig.json` beside it: the worker's globals, not the page's).
 */
import { ExpirationPlugin } from 'workbox-expiration';
import { registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkFirst } from 'workbox-strategies';
import type { WorkboxPlugin } from 'workbox-core';
import { cacheNamesOf, isKept, offlineRouteOf, SHELL_CACHE_KEY, staleCaches } from './offline-routes.ts';
import type { OfflineRoute } from './offline-routes.ts';

declare const self: ServiceWorkerGlobalScope;
/** The Home build's own hash (apps/home/build/build.ts): a new build gets new caches. */
declare const __OFFLINE_VERSION__: string;

const names = cacheNamesOf(__OFFLINE_VERSION__);
const shellKey = new URL(SHELL_CACHE_KEY, self.location.origin).href;

const keepOnly = (route: OfflineRoute): WorkboxPlugin => ({
  cacheWillUpdate: async ({ response }) => (isKept(route, response) ? response : null),
});
const routeIs = (route: OfflineRoute) => ({ request }: { request: Request }) => offlineRouteOf(request, self.location.origin) === route;

registerRoute(
  routeIs('shell'),
  new NetworkFirst({ cacheName: names.shell, plugins: [keepOnly('shell'), { cacheKeyWillBeUsed: async () => shellKey }] }),
);
registerRoute(
  routeIs('bundle'),
  new CacheFirst({
    cacheName: names.bundle,
    // Apps are released without a new Home build: their earlier bundles leave as new ones come.
    plugins: [keepOnly('bundle'), new ExpirationPlugin({ maxEntries: 600, purgeOnQuotaError: true })],
  }),
);

self.addEventListener('install', (event) => {
  // The shell is kept from the start, so the page that registered the worker opens offline too.
  // Failing that, the next page shown keeps it: no reason to refuse the worker.
  event.waitUntil(
    caches
      .open(names.shell)
      .then((cache) => cache.add(shellKey))
      .catch(() => undefined)
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      await Promise.all(staleCaches(await caches.keys(), __OFFLINE_VERSION__).map((name) => caches.delete(name)));
      // The open pages' next requests (an app's bundles, the note editor) are kept from now on.
      await self.clients.claim();
    })(),
  );
});
