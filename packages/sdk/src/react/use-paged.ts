import { useInfiniteQuery, type QueryKey } from '@tanstack/react-query';
import type { ApiError } from '../api-error.ts';
import { mergePages } from './merge-pages.ts';

type Page = { items: readonly unknown[]; next: string | null };

/** A cursor listing as one growing list: `hasNextPage` / `fetchNextPage()` load the following pages. */
export function usePaged<L extends Page>(
  queryKey: QueryKey,
  fetchPage: (cursor: string | null, signal: AbortSignal) => Promise<L>,
  enabled = true,
) {
  return useInfiniteQuery<L, ApiError, L, QueryKey, string | null>({
    queryKey,
    queryFn: ({ pageParam, signal }) => fetchPage(pageParam, signal),
    initialPageParam: null,
    getNextPageParam: (page) => page.next,
    select: mergePages,
    enabled,
  });
}
