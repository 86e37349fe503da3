// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import type { User, UserManager } from 'oidc-client-ts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { signIn } from './auth.ts';

const stored = (expired: boolean) =>
  ({ access_token: 'kept-token', expired, profile: { sub: 'sub-eleve', name: 'Élève Exemple' } }) as unknown as User;

function manager(user: User | null) {
  return {
    getUser: vi.fn(async () => user),
    signinSilent: vi.fn(async () => stored(false)),
    signinRedirect: vi.fn(async () => {}),
    events: { addUserLoaded: vi.fn() },
  };
}

const asManager = (fake: ReturnType<typeof manager>) => fake as unknown as UserManager;
let online = true;
let host: HTMLElement;
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  online = true;
  vi.spyOn(navigator, 'onLine', 'get').mockImplementation(() => online);
  document.body.innerHTML = '<div id="mt-shell"><p role="status">Chargement de MyToutatice…</p></div>';
  host = document.getElementById('mt-shell') as HTMLElement;
});
afterEach(() => vi.restoreAllMocks());

describe(signIn.name, () => {
  it('opens the page offline with the session kept in this tab, even with its token expired, and renews it when the network is back', async () => {
    online = false;
    const fake = manager(stored(true));
    const auth = await signIn(asManager(fake), host);
    expect(auth.user).toEqual({ sub: 'sub-eleve', name: 'Élève Exemple' });
    expect(auth.accessToken()).toBe('kept-token');
    expect(fake.signinSilent).not.toHaveBeenCalled();
    expect(fake.signinRedirect).not.toHaveBeenCalled();

    online = true;
    window.dispatchEvent(new Event('online'));
    await settled();
    expect(fake.signinSilent).toHaveBeenCalledTimes(1);
    expect(fake.signinRedirect).not.toHaveBeenCalled();
  });

  it('offline without a session, waits for the network in French instead of leaving for the ENT, and reloads once it is back', async () => {
    online = false;
    const reload = vi.fn();
    vi.spyOn(window, 'location', 'get').mockReturnValue({ ...window.location, pathname: '/notes/n1', reload } as Location);
    const fake = manager(null);
    let resolved = false;
    void signIn(asManager(fake), host).then(() => (resolved = true));
    await settled();
    expect(screen.getByRole('status').textContent).toBe('Vous êtes hors ligne. MyToutatice s’ouvrira dès que la connexion reviendra.');
    expect(fake.signinRedirect).not.toHaveBeenCalled();
    window.dispatchEvent(new Event('offline'));
    expect(reload).not.toHaveBeenCalled();
    window.dispatchEvent(new Event('online'));
    window.dispatchEvent(new Event('online'));
    expect(reload).toHaveBeenCalledTimes(1);
    expect(resolved).toBe(false);
  });

  it('online, still renews an expired session silently, then goes to the ENT when that fails', async () => {
    const fake = manager(stored(true));
    fake.signinSilent.mockRejectedValueOnce(new Error('login_required'));
    void signIn(asManager(fake), host);
    await settled();
    expect(fake.signinSilent).toHaveBeenCalledTimes(1);
    expect(fake.signinRedirect).toHaveBeenCalledTimes(1);
  });
});
