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
import { useFilesScope } from './files-scope.tsx';
import { usePaged } from './use-paged.ts';
import { queryKeys } from './query-keys.ts';
import type { FileKeys } from './query-keys.ts';

export type FolderSort = { sort?: FileSort; order?: SortOrder };

/** A folder's children, folders first, by name unless `sort` says otherwise; idle unless `enabled`. */
export function useFolder(id: string, { sort = 'name', order = 'asc', enabled = true }: FolderSort & { enabled?: boolean } = {}) {
  const { files, keys } = useFilesScope();
  return usePaged<FolderListing>(
    keys.folderListing(id, sort, order),
    (cursor, signal) => files.children(id, { sort, order, cursor, signal }),
    enabled,
  );
}

export function useFile(id: string) {
  const { files, keys } = useFilesScope();
  return useQuery<FileDoc, ApiError>({
    queryKey: keys.file(id),
    queryFn: ({ signal }) => files.get(id, { signal }),
  });
}

/** Names containing `q` (case and accents ignored), each with its `path`; idle while `q` is blank. */
export function useSearch(q: string) {
  const { files, keys } = useFilesScope();
  return usePaged<SearchResults>(
    keys.search(q),
    (cursor, signal) => files.search(q, { cursor, signal }),
    q.trim() !== '',
  );
}

export function useRecent() {
  const { files, keys } = useFilesScope();
  return usePaged<FileList>(keys.recent(), (cursor, signal) => files.recent({ cursor, signal }));
}

export function useFavorites() {
  const { files, keys } = useFilesScope();
  return usePaged<FileList>(keys.favorites(), (cursor, signal) => files.favorites({ cursor, signal }));
}

/** The trash, newest first; each item's `path` is where it will go back. */
export function useTrashListing() {
  const { files, keys } = useFilesScope();
  return usePaged<FolderListing>(keys.trash(), (cursor, signal) => files.listTrash({ cursor, signal }));
}

/** `mutate(name)`; the folder's listing is refreshed on success. */
export function useCreateFolder(parentId: string) {
  const { files, keys } = useFilesScope();
  const queryClient = useQueryClient();
  return useMutation<FileDoc, ApiError, string>({
    mutationFn: (name) => files.createFolder(parentId, name),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.folder(parentId) }),
  });
}

/** `mutateAsync(fileId)` → `{ url, expiresAt }`, e.g. to start a download. */
export function useDownloadLink() {
  const { files } = useFilesScope();
  return useMutation<DownloadLink, ApiError, string>({
    mutationFn: (id) => files.downloadLink(id),
  });
}

/** `mutateAsync(items)` → the zip as a Blob: a folder alone is zipped whole, anything else as a selection. */
export function useZip() {
  const { files } = useFilesScope();
  return useMutation<Blob, ApiError, readonly Pick<FileDoc, 'id' | 'type'>[]>({
    mutationFn: ([first, ...others]) =>
      first?.type === 'directory' && others.length === 0
        ? files.zipFolder(first.id)
        : files.zipSelection([first, ...others].flatMap((item) => (item ? [item.id] : []))),
  });
}

/** The item as the caller knew it before the change: where it was is what needs refreshing. */
export type KnownFile = Pick<FileDoc, 'id' | 'parentId'>;

export function invalidate(queryClient: QueryClient, keys: readonly QueryKey[]): Promise<unknown> {
  return Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

/** Lists that show items outside their folder, and so any item's name, place or state. */
export const elsewhere = (keys: FileKeys = queryKeys) => [keys.searches(), keys.recent(), keys.favorites(), keys.notes()];

/**
 * What a rename, move or favourite mark changes: the folder it left and the one it is in, its
 * own listing (which names it), the item, and every list showing paths. `keys`: the scope's.
 */
export function refreshAfterUpdate(queryClient: QueryClient, before: KnownFile, after: FileDoc, keys: FileKeys = queryKeys) {
  const folders = [before.parentId, after.parentId].filter((id) => id !== null).map((id) => keys.folder(id));
  return invalidate(queryClient, [...folders, keys.folder(after.id), keys.file(after.id), ...elsewhere(keys)]);
}

/** What trashing changes: the folder it left, the trash, everything below it (now trashed). */
export function refreshAfterTrash(queryClient: QueryClient, before: KnownFile, keys: FileKeys = queryKeys) {
  const left = before.parentId === null ? [] : [keys.folder(before.parentId)];
  return invalidate(queryClient, [...left, keys.folder(before.id), keys.files(), keys.trash(), keys.usage(), ...elsewhere(keys)]);
}

/** Restoring may make folders again anywhere on the way back: every listing is refreshed. */
export function refreshAfterRestore(queryClient: QueryClient, keys: FileKeys = queryKeys) {
  return invalidate(queryClient, [keys.folders(), keys.files(), keys.trash(), keys.usage(), ...elsewhere(keys)]);
}

/** Destroying empties listings of the trash and of trashed folders, and the items themselves. */
export function refreshAfterDestroy(queryClient: QueryClient, keys: FileKeys = queryKeys) {
  return invalidate(queryClient, [keys.trash(), keys.folders(), keys.files(), keys.usage()]);
}

export type UpdateVariables = { file: KnownFile; patch: PatchFileBody; conflict?: ConflictPolicy };

/** `mutate({ file, patch: { name?, parentId?, favorite? }, conflict? })`. */
export function useRenameOrMove() {
  const { files, keys } = useFilesScope();
  const queryClient = useQueryClient();
  return useMutation<FileDoc, ApiError, UpdateVariables>({
    mutationFn: ({ file, patch, conflict }) => files.update(file.id, patch, { conflict }),
    onSuccess: (after, { file }) => refreshAfterUpdate(queryClient, file, after, keys),
  });
}

export type CopyVariables = { id: string; target?: CopyFileBody; conflict?: ConflictPolicy };

/** `mutate({ id, target: { parentId?, name? }, conflict? })`; the destination folder is refreshed. */
export function useCopy() {
  const { files, keys } = useFilesScope();
  const queryClient = useQueryClient();
  return useMutation<FileDoc, ApiError, CopyVariables>({
    mutationFn: ({ id, target, conflict }) => files.copy(id, target, { conflict }),
    onSuccess: (copy) =>
      invalidate(queryClient, [...(copy.parentId === null ? [] : [keys.folder(copy.parentId)]), ...elsewhere(keys)]),
  });
}

/** `mutate(file)`: to the trash. */
export function useTrash() {
  const { files, keys } = useFilesScope();
  const queryClient = useQueryClient();
  return useMutation<FileDoc, ApiError, KnownFile>({
    mutationFn: (file) => files.trash(file.id),
    onSuccess: (_trashed, file) => refreshAfterTrash(queryClient, file, keys),
  });
}

/** `mutate(id)`: back from the trash. */
export function useRestore() {
  const { files, keys } = useFilesScope();
  const queryClient = useQueryClient();
  return useMutation<FileDoc, ApiError, string>({
    mutationFn: (id) => files.restore(id),
    onSuccess: () => refreshAfterRestore(queryClient, keys),
  });
}

/** `mutate(id)`: destroys an item of the trash for good. */
export function useDestroy() {
  const { files, keys } = useFilesScope();
  const queryClient = useQueryClient();
  return useMutation<void, ApiError, string>({
    mutationFn: (id) => files.destroy(id),
    onSuccess: () => refreshAfterDestroy(queryClient, keys),
  });
}

/** `mutate()`: destroys everything in the trash. */
export function useEmptyTrash() {
  const { files, keys } = useFilesScope();
  const queryClient = useQueryClient();
  return useMutation<void, ApiError, void>({
    mutationFn: () => files.emptyTrash(),
    onSuccess: () => refreshAfterDestroy(queryClient, keys),
  });
}
