// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { registerOfflineWorker } from './register-worker.ts';

afterEach(() => vi.restoreAllMocks());

describe(registerOfflineWorker.name, () => {
  it('registers /sw.js for the whole site, then hands it the page’s own resources loaded before it was there', async () => {
    const origin = window.location.origin;
    vi.spyOn(performance, 'getEntriesByType').mockReturnValue(
      [`${origin}/shell/root-config-EfGh5678.js`, `${origin}/shared/react-AbCd1234.js`, 'https://ent.example/.well-known/openid-configuration'].map(
        (name) => ({ name }) as PerformanceEntry,
      ),
    );
    const active = { postMessage: vi.fn() };
    const container = { register: vi.fn(async () => ({})), ready: Promise.resolve({ active }) };
    await registerOfflineWorker(container as unknown as ServiceWorkerContainer);
    expect(container.register).toHaveBeenCalledWith('/sw.js', { scope: '/' });
    expect(active.postMessage).toHaveBeenCalledWith({
      type: 'CACHE_URLS',
      payload: { urlsToCache: [`${origin}/shell/root-config-EfGh5678.js`, `${origin}/shared/react-AbCd1234.js`] },
    });
  });

  it('does nothing where browsers offer no service worker (outside a secure context)', async () => {
    await expect(registerOfflineWorker(undefined)).resolves.toBeUndefined();
  });
});
