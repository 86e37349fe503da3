import type { Document, DocumentListing } from '@mytoutatice/contract';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiError } from '../api-error.ts';
import { mergePages } from './merge-pages.ts';
import { useClient } from './provider.tsx';
import { queryKeys } from './query-keys.ts';

/** Documents of a doctype; `hasNextPage` / `fetchNextPage()` load the following pages. */
export function useDocuments(doctype: string) {
  const client = useClient();
  return useInfiniteQuery<DocumentListing, ApiError, DocumentListing, ReturnType<typeof queryKeys.documents>, string | null>({
    queryKey: queryKeys.documents(doctype),
    queryFn: ({ pageParam, signal }) =>
      client.documents.list(doctype, { cursor: pageParam, signal }),
    initialPageParam: null,
    getNextPageParam: (page) => page.next,
    select: mergePages,
  });
}

/** `mutate(data)`; the doctype's listing is refreshed on success. */
export function useCreateDocument(doctype: string) {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation<Document, ApiError, Readonly<Record<string, unknown>>>({
    mutationFn: (data) => client.documents.create(doctype, data),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.documents(doctype) }),
  });
}
