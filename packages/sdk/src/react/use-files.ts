import type { DownloadLink, FileDoc, FolderListing } from '@mytoutatice/contract';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiError } from '../api-error.ts';
import { mergePages } from './merge-pages.ts';
import { useClient } from './provider.tsx';
import { queryKeys } from './query-keys.ts';

/** A folder's children; `hasNextPage` / `fetchNextPage()` load the following pages. */
export function useFolder(id: string) {
  const client = useClient();
  return useInfiniteQuery<FolderListing, ApiError, FolderListing, ReturnType<typeof queryKeys.folder>, string | null>({
    queryKey: queryKeys.folder(id),
    queryFn: ({ pageParam, signal }) =>
      client.files.children(id, { cursor: pageParam, signal }),
    initialPageParam: null,
    getNextPageParam: (page) => page.next,
    select: mergePages,
  });
}

export function useFile(id: string) {
  const client = useClient();
  return useQuery<FileDoc, ApiError>({
    queryKey: queryKeys.file(id),
    queryFn: ({ signal }) => client.files.get(id, { signal }),
  });
}

/** `mutate(name)`; the folder's listing is refreshed on success. */
export function useCreateFolder(parentId: string) {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation<FileDoc, ApiError, string>({
    mutationFn: (name) => client.files.createFolder(parentId, name),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.folder(parentId) }),
  });
}

/** `mutateAsync(fileId)` → `{ url, expiresAt }`, e.g. to start a download. */
export function useDownloadLink() {
  const client = useClient();
  return useMutation<DownloadLink, ApiError, string>({
    mutationFn: (id) => client.files.downloadLink(id),
  });
}
