/**
 * What the service worker does with each request, as pure functions the tests read: the shell's
 * page from the network first (the one kept offline), the bundles from the cache first (their
 * names carry their content's hash), and nothing else. The API, sign-in, the silent-renew frame
 * and public links are the network's alone: their answers are personal or one-off, and the note's
 * text is kept by the editor in IndexedDB already.
 */
export type OfflineRoute = 'shell' | 'bundle';

/** What the worker reads of a request (a `Request` has it). */
export type RequestFacts = { method: string; url: string; mode: string };

/** What the worker reads of an answer (a `Response` has it). */
export type ResponseFacts = { status: number; headers: { get(name: string): string | null } };

/** Where the built code is served (gateway/src/web/built-apps.ts). */
const BUNDLE_FOLDERS = ['/shared', '/shell', '/apps'];
/** Pages that are not the shell: the gateway's API and sign-in steps, and public links (a page of their own, without the shell). */
const NOT_THE_SHELL = ['/api', '/dav', '/gateway', '/auth', '/public', '/public-page', '/silent-renew.html', '/healthz', '/sw.js', ...BUNDLE_FOLDERS];

const isUnder = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);

/** The route a request takes through the worker; null: the network answers, the worker keeps nothing. */
export function offlineRouteOf(request: RequestFacts, origin: string): OfflineRoute | null {
  if (request.method !== 'GET') return null;
  const url = new URL(request.url);
  if (url.origin !== origin) return null;
  if (request.mode === 'navigate') return NOT_THE_SHELL.some((prefix) => isUnder(url.pathname, prefix)) ? null : 'shell';
  return BUNDLE_FOLDERS.some((prefix) => isUnder(url.pathname, prefix)) ? 'bundle' : null;
}

/**
 * Whether an answer is kept: the shell only as the gateway's HTML page (an unknown address answers
 * 404 problem+json), a bundle only when the gateway serves it as never changing (its hashed name:
 * `manifest.json` and other unhashed files are not).
 */
export function isKept(route: OfflineRoute, response: ResponseFacts): boolean {
  if (response.status !== 200) return false;
  if (route === 'shell') return (response.headers.get('content-type') ?? '').startsWith('text/html');
  return /\bimmutable\b/.test(response.headers.get('cache-control') ?? '');
}

const CACHE_PREFIX = 'mytoutatice-offline-';

/** The caches of one build: a new build of the Home starts empty ones. */
export function cacheNamesOf(version: string): Record<OfflineRoute, string> {
  return { shell: `${CACHE_PREFIX}shell-${version}`, bundle: `${CACHE_PREFIX}bundle-${version}` };
}

/** The worker's caches left by earlier builds, dropped when a new worker takes over. Others' caches are not ours to drop. */
export function staleCaches(names: readonly string[], version: string): string[] {
  const current = new Set(Object.values(cacheNamesOf(version)));
  return names.filter((name) => name.startsWith(CACHE_PREFIX) && !current.has(name));
}

/** Every shell page is the same HTML (gateway/src/web/index-html.ts): one copy serves any address offline. */
export const SHELL_CACHE_KEY = '/';
