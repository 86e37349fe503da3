const OFFLINE_TEXT = 'Hors ligne : MyToutatice affiche ce qui est gardé sur cet appareil. Tout reprendra au retour du réseau.';

/**
 * A line under the navigation bar while the browser is offline, following its `online` and
 * `offline` events. Plain DOM: the shell shows it before any app, and whatever fails to load.
 */
export function showConnectionNotice(navbar: HTMLElement): void {
  const notice = document.createElement('p');
  notice.className = 'mt-offline-notice';
  // Present from the start, so that screen readers announce it when it fills.
  notice.setAttribute('role', 'status');
  const update = () => {
    notice.hidden = navigator.onLine;
    notice.textContent = navigator.onLine ? '' : OFFLINE_TEXT;
  };
  update();
  window.addEventListener('online', update);
  window.addEventListener('offline', update);
  navbar.after(notice);
}

/**
 * Instead of sending the browser to the ENT while offline (it would show its own error page): no
 * session is kept in this tab, so MyToutatice waits for the network, then signs in as usual.
 */
export function waitForNetworkToSignIn(host: HTMLElement): Promise<never> {
  const text = document.createElement('p');
  text.className = 'mt-boot';
  text.setAttribute('role', 'status');
  text.textContent = 'Vous êtes hors ligne. MyToutatice s’ouvrira dès que la connexion reviendra.';
  host.replaceChildren(text);
  // Only a change to online reloads: there is no loop while the network stays away.
  window.addEventListener('online', () => window.location.reload(), { once: true });
  return new Promise<never>(() => {});
}
