/** The code in `/public/<code>`. */
export function linkCodeFrom(pathname: string): string {
  return decodeURIComponent(pathname.split('/')[2] ?? '');
}

/**
 * The unlock token, kept for the tab only (sessionStorage, never a cookie): closing the tab forgets
 * the password, and no other site's request can carry it.
 */
export function unlockTokenStore(code: string) {
  const key = `mytoutatice.link.${code}`;
  return {
    get: () => sessionStorage.getItem(key),
    set: (token: string) => sessionStorage.setItem(key, token),
    clear: () => sessionStorage.removeItem(key),
  };
}
