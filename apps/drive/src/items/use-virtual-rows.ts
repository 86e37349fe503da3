import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useWindowVirtualizer } from '@tanstack/react-virtual';

export type Paging = { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };

/** Asks for the following page when the last rows drawn are this close to the end of what is loaded. */
const PREFETCH_ROWS = 20;

/**
 * The rows of a long list drawn as the window scrolls (a 10,000-item folder keeps a few dozen rows
 * in the page), the next page fetched before the end is reached, and the focused item scrolled to
 * and given the keyboard focus when `focus.tick` changes.
 */
export function useVirtualRows<E extends HTMLElement>({
  rows,
  estimate,
  paging,
  focus,
}: {
  rows: number;
  estimate: number;
  paging: Paging;
  focus: { row: number; index: number; tick: number };
}) {
  const listRef = useRef<E>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  // What sits above the list (breadcrumbs, upload panel) moves it: its offset is measured after each render.
  useLayoutEffect(() => {
    const top = Math.round((listRef.current?.getBoundingClientRect().top ?? 0) + window.scrollY);
    if (top !== scrollMargin) setScrollMargin(top);
  });
  const virtualizer = useWindowVirtualizer<HTMLElement>({ count: rows, estimateSize: () => estimate, overscan: 6, scrollMargin });
  const drawn = virtualizer.getVirtualItems();
  const lastDrawn = drawn.at(-1)?.index ?? -1;

  const { hasNextPage, isFetchingNextPage, fetchNextPage } = paging;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastDrawn >= rows - PREFETCH_ROWS) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage, lastDrawn, rows]);

  useEffect(() => {
    if (focus.tick === 0) return;
    virtualizer.scrollToIndex(focus.row, { align: 'auto' });
    const frame = requestAnimationFrame(() => listRef.current?.querySelector<HTMLElement>(`[data-item="${focus.index}"]`)?.focus());
    return () => cancelAnimationFrame(frame);
    // Only a new focus request (a new tick) moves the focus; re-renders of the same one do not.
  }, [focus.tick]);

  const first = drawn[0];
  const last = drawn.at(-1);
  return {
    listRef,
    virtualizer,
    drawn,
    /** Room for the rows not drawn, above and below those that are. */
    before: first ? first.start - scrollMargin : 0,
    after: last ? virtualizer.getTotalSize() - (last.end - scrollMargin) : 0,
  };
}
