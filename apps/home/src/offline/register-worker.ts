const WORKER_URL = '/sw.js';

/**
 * Registers the service worker that keeps the Home for a reload without network (`/sw.js`, see
 * offline-routes.ts), once the shell runs. The first time, the page loaded its shell and shared
 * modules before the worker was there to see them: it hands their addresses over, and Workbox's
 * router (its `CACHE_URLS` message) takes each through the worker's routes as a fetch would.
 */
export async function registerOfflineWorker(container: ServiceWorkerContainer | undefined = navigator.serviceWorker): Promise<void> {
  // Absent outside a secure context (plain http but localhost): the page works, only not offline.
  if (!container) return;
  await container.register(WORKER_URL, { scope: '/' });
  const { active } = await container.ready;
  const urlsToCache = performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((url) => url.startsWith(`${window.location.origin}/`));
  active?.postMessage({ type: 'CACHE_URLS', payload: { urlsToCache } });
}
