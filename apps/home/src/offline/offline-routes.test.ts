import { describe, expect, it } from 'vitest';
import { cacheNamesOf, isKept, offlineRouteOf, staleCaches } from './offline-routes.ts';

const origin = 'https://mytoutatice.example';
const get = (path: string, mode = 'cors') => ({ method: 'GET', url: `${origin}${path}`, mode });
const answer = (status: number, headers: Record<string, string>) => ({ status, headers: new Headers(headers) });

describe(offlineRouteOf.name, () => {
  it('takes every page of the Home and its apps to the shell, whatever the address', () => {
    for (const path of ['/', '/notes', '/notes/abc123', '/notes/partages/s1/n1', '/drive/dossier?x=1', '/settings', '/onboarding']) {
      expect(offlineRouteOf(get(path, 'navigate'), origin), path).toBe('shell');
    }
  });

  it('leaves sign-in, the silent-renew frame, public links, downloads and the API to the network', () => {
    for (const path of ['/auth/callback?code=c&state=s', '/silent-renew.html', '/public/AbC123', '/api/files/downloads/t', '/dav/files/x', '/gateway/me']) {
      expect(offlineRouteOf(get(path, 'navigate'), origin), path).toBeNull();
    }
  });

  it('keeps the bundles of the shell, the shared modules and the apps, and no API answer', () => {
    for (const path of ['/shared/react-AbCd1234.js', '/shell/root-config-EfGh5678.js', '/shell/chunks/start-shell-Zz99aa00.js', '/apps/notes/chunks/note-page-Ab12Cd34.js', '/apps/notes/assets/notes-Qw12Er34.css']) {
      expect(offlineRouteOf(get(path), origin), path).toBe('bundle');
    }
    for (const path of ['/gateway/me', '/gateway/apps', '/api/files/f1', '/api/notes/n1/collab', '/favicon.svg', '/sw.js', '/apps-list', '/public-page/app-AbCd1234.js']) {
      expect(offlineRouteOf(get(path), origin), path).toBeNull();
    }
  });

  it('lets writes and other origins (the ENT) through untouched', () => {
    expect(offlineRouteOf({ ...get('/shared/react-AbCd1234.js'), method: 'POST' }, origin)).toBeNull();
    expect(offlineRouteOf({ method: 'GET', url: 'https://ent.example/shared/react-AbCd1234.js', mode: 'cors' }, origin)).toBeNull();
    expect(offlineRouteOf({ method: 'GET', url: 'https://ent.example/', mode: 'navigate' }, origin)).toBeNull();
  });
});

describe(isKept.name, () => {
  it('keeps the shell only as the gateway’s HTML page', () => {
    expect(isKept('shell', answer(200, { 'content-type': 'text/html; charset=utf-8' }))).toBe(true);
    expect(isKept('shell', answer(404, { 'content-type': 'application/problem+json' }))).toBe(false);
    expect(isKept('shell', answer(200, { 'content-type': 'application/json' }))).toBe(false);
    expect(isKept('shell', answer(503, { 'content-type': 'text/html' }))).toBe(false);
  });

  it('keeps a bundle only when served as never changing', () => {
    expect(isKept('bundle', answer(200, { 'cache-control': 'public, max-age=31536000, immutable' }))).toBe(true);
    expect(isKept('bundle', answer(200, { 'cache-control': 'no-cache' }))).toBe(false);
    expect(isKept('bundle', answer(404, { 'cache-control': 'public, max-age=31536000, immutable' }))).toBe(false);
  });
});

describe(staleCaches.name, () => {
  it('drops the caches of earlier builds, not this build’s nor anyone else’s', () => {
    const current = Object.values(cacheNamesOf('b2'));
    const earlier = Object.values(cacheNamesOf('b1'));
    expect(staleCaches([...current, ...earlier, 'workbox-precache-v2', 'other-app'], 'b2')).toEqual(earlier);
  });
});
