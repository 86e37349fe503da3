import type { InfiniteData } from '@tanstack/react-query';

/** All pages of a cursor listing loaded so far, as one: `items` grows with each `fetchNextPage()`. */
export function mergePages<L extends { items: readonly unknown[] }>({ pages }: InfiniteData<L, string | null>): L {
  return pages.reduce((all, page) => ({ ...page, items: [...all.items, ...page.items] }));
}
