import { useSyncExternalStore } from 'react';

function subscribe(onChange: () => void): () => void {
  // single-spa fires popstate after pushState too, so one listener sees every navigation.
  window.addEventListener('popstate', onChange);
  return () => window.removeEventListener('popstate', onChange);
}

/** The query string (`?tri=size`), re-rendering on every in-page navigation. */
export function useSearchString(): string {
  return useSyncExternalStore(subscribe, () => window.location.search);
}
