import type {
  CopyFileBody,
  DownloadLink,
  FileDoc,
  FileList,
  FileSort,
  FolderListing,
  PatchFileBody,
  SearchResults,
  SortOrder,
} from '@mytoutatice/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { ApiError } from '../api-error.ts';
import type { ConflictPolicy } from '../files.ts';
import { usePaged } from './use-paged.ts';
import { useClient } from './provider.tsx';
import { queryKeys } from './query-keys.ts';

export type FolderSort = { sort?: FileSort; order?: SortOrder };

/** A folder's children, folders first, by name unless `sort` says otherwise. */
export function useFolder(id: string, { sort = 'name', order = 'asc' }: FolderSort = {}) {
  const client = useClient();
  return usePaged<FolderListing>(queryKeys.folderListing(id, sort, order), (cursor, signal) =>
    client.files.children(id, { sort, order, cursor, signal }),
  );
}

export function useFile(id: string) {
  const client = useClient();
  return useQuery<FileDoc, ApiError>({
    queryKey: queryKeys.file(id),
    queryFn: ({ signal }) => client.files.get(id, { signal }),
  });
}

/** Names containing `q` (case and accents ignored), each with its `path`; idle while `q` is blank. */
export function useSearch(q: string) {
  const client = useClient();
  return usePaged<SearchResults>(
    queryKeys.search(q),
    (cursor, signal) => client.files.search(q, { cursor, signal }),
    q.trim() !== '',
  );
}

export function useRecent() {
  const client = useClient();
  return usePaged<FileList>(queryKeys.recent(), (cursor, signal) => client.files.recent({ cursor, signal }));
}

export function useFavorites() {
  const client = useClient();
  return usePaged<FileList>(queryKeys.favorites(), (cursor, signal) => client.files.favorites({ cursor, signal }));
}

/** The trash, newest first; each item's `path` is where it will go back. */
export function useTrashListing() {
  const client = useClient();
  return usePaged<FolderListing>(queryKeys.trash(), (cursor, signal) => client.files.listTrash({ cursor, signal }));
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

/** `mutateAsync(items)` → the zip as a Blob: a folder alone is zipped whole, anything else as a selection. */
export function useZip() {
  const client = useClient();
  return useMutation<Blob, ApiError, readonly Pick<FileDoc, 'id' | 'type'>[]>({
    mutationFn: ([first, ...others]) =>
      first?.type === 'directory' && others.length === 0
        ? client.files.zipFolder(first.id)
        : client.files.zipSelection([first, ...others].flatMap((item) => (item ? [item.id] : []))),
  });
}

/** The item as the caller knew it before the change: where it was is what needs refreshing. */
export type KnownFile = Pick<FileDoc, 'id' | 'parentId'>;

export function invalidate(queryClient: QueryClient, keys: readonly QueryKey[]): Promise<unknown> {
  return Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

/** Lists that show items outside their folder, and so any item's name, place or state. */
export const elsewhere = () => [queryKeys.searches(), queryKeys.recent(), queryKeys.favorites()];

/**
 * What a rename, move or favourite mark changes: the folder it left and the one it is in, its
 * own listing (which names it), the item, and every list showing paths.
 */
export function refreshAfterUpdate(queryClient: QueryClient, before: KnownFile, after: FileDoc) {
  const folders = [before.parentId, after.parentId].filter((id) => id !== null).map((id) => queryKeys.folder(id));
  return invalidate(queryClient, [...folders, queryKeys.folder(after.id), queryKeys.file(after.id), ...elsewhere()]);
}

/** What trashing changes: the folder it left, the trash, everything below it (now trashed). */
export function refreshAfterTrash(queryClient: QueryClient, before: KnownFile) {
  const left = before.parentId === null ? [] : [queryKeys.folder(before.parentId)];
  return invalidate(queryClient, [...left, queryKeys.folder(before.id), queryKeys.files(), queryKeys.trash(), queryKeys.usage(), ...elsewhere()]);
}

/** Restoring may make folders again anywhere on the way back: every listing is refreshed. */
export function refreshAfterRestore(queryClient: QueryClient) {
  return invalidate(queryClient, [queryKeys.folders(), queryKeys.files(), queryKeys.trash(), queryKeys.usage(), ...elsewhere()]);
}

/** Destroying empties listings of the trash and of trashed folders, and the items themselves. */
export function refreshAfterDestroy(queryClient: QueryClient) {
  return invalidate(queryClient, [queryKeys.trash(), queryKeys.folders(), queryKeys.files(), queryKeys.usage()]);
}

export type UpdateVariables = { file: KnownFile; patch: PatchFileBody; conflict?: ConflictPolicy };

/** `mutate({ file, patch: { name?, parentId?, favorite? }, conflict? })`. */
export function useRenameOrMove() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation<FileDoc, ApiError, UpdateVariables>({
    mutationFn: ({ file, patch, conflict }) => client.files.update(file.id, patch, { conflict }),
    onSuccess: (after, { file }) => refreshAfterUpdate(queryClient, file, after),
  });
}

export type CopyVariables = { id: string; target?: CopyFileBody; conflict?: ConflictPolicy };

/** `mutate({ id, target: { parentId?, name? }, conflict? })`; the destination folder is refreshed. */
export function useCopy() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation<FileDoc, ApiError, CopyVariables>({
    mutationFn: ({ id, target, conflict }) => client.files.copy(id, target, { conflict }),
    onSuccess: (copy) =>
      invalidate(queryClient, [...(copy.parentId === null ? [] : [queryKeys.folder(copy.parentId)]), ...elsewhere()]),
  });
}

/** `mutate(file)`: to the trash. */
export function useTrash() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation<FileDoc, ApiError, KnownFile>({
    mutationFn: (file) => client.files.trash(file.id),
    onSuccess: (_trashed, file) => refreshAfterTrash(queryClient, file),
  });
}

/** `mutate(id)`: back from the trash. */
export function useRestore() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation<FileDoc, ApiError, string>({
    mutationFn: (id) => client.files.restore(id),
    onSuccess: () => refreshAfterRestore(queryClient),
  });
}

/** `mutate(id)`: destroys an item of the trash for good. */
export function useDestroy() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation<void, ApiError, string>({
    mutationFn: (id) => client.files.destroy(id),
    onSuccess: () => refreshAfterDestroy(queryClient),
  });
}

/** `mutate()`: destroys everything in the trash. */
export function useEmptyTrash() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation<void, ApiError, void>({
    mutationFn: () => client.files.emptyTrash(),
    onSuccess: () => refreshAfterDestroy(queryClient),
  });
}
