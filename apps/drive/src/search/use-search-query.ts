import { usePathname } from '@mytoutatice/app-kit';
import { searchQueryFrom, withSearchQuery } from '../routes.ts';
import { useSearchString } from '../use-location.ts';

/**
 * The search box's text, kept in the address (`?q=`) so that Back leaves the search and a
 * bookmark or a reload brings it back. The first letter typed is a step of the history; the next
 * ones refine it in place, so one Back leaves the search whatever was typed.
 */
export function useSearchQuery(): readonly [string, (text: string) => void] {
  const pathname = usePathname();
  const search = useSearchString();
  const text = searchQueryFrom(search);
  const change = (next: string) => {
    const href = `${pathname}${withSearchQuery(search, next)}`;
    if (text === '') window.history.pushState(null, '', href);
    else window.history.replaceState(null, '', href);
  };
  return [text, change];
}
