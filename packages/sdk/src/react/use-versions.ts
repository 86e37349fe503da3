import type { FileDoc, FileVersionList } from '@mytoutatice/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import type { ApiError } from '../api-error.ts';
import { useFilesScope } from './files-scope.tsx';
import { queryKeys } from './query-keys.ts';
import type { FileKeys } from './query-keys.ts';
import { elsewhere, invalidate, type KnownFile } from './use-files.ts';

/** A file's earlier contents, newest first. */
export function useFileVersions(id: string) {
  const { files, keys } = useFilesScope();
  return useQuery<FileVersionList, ApiError>({
    queryKey: keys.fileVersions(id),
    queryFn: ({ signal }) => files.versions(id, { signal }),
  });
}

/**
 * What a new content changes: the file and its versions, the folder listing it (size, date),
 * and the lists showing it elsewhere.
 */
export function refreshAfterContentChange(queryClient: QueryClient, file: KnownFile, keys: FileKeys = queryKeys) {
  const folder = file.parentId === null ? [] : [keys.folder(file.parentId)];
  return invalidate(queryClient, [keys.file(file.id), ...folder, ...elsewhere(keys)]);
}

export type OverwriteVariables = { file: KnownFile; content: Blob; expectedSha256?: string };

/** `mutate({ file, content, expectedSha256? })`: saves new content; 412 `precondition_failed` if it changed meanwhile. */
export function useOverwrite() {
  const { files, keys } = useFilesScope();
  const queryClient = useQueryClient();
  return useMutation<FileDoc, ApiError, OverwriteVariables>({
    mutationFn: ({ file, content, expectedSha256 }) => files.overwrite(file.id, content, { expectedSha256 }),
    onSuccess: (_saved, { file }) => refreshAfterContentChange(queryClient, file, keys),
  });
}

export type VersionVariables = { file: KnownFile; versionId: string };

/** `mutate({ file, versionId })`: the version becomes the content again. */
export function useRestoreVersion() {
  const { files, keys } = useFilesScope();
  const queryClient = useQueryClient();
  return useMutation<FileDoc, ApiError, VersionVariables>({
    mutationFn: ({ file, versionId }) => files.restoreVersion(file.id, versionId),
    onSuccess: (_restored, { file }) => refreshAfterContentChange(queryClient, file, keys),
  });
}

/** `mutate({ file, versionId })`: deletes a version for good. */
export function useDeleteVersion() {
  const { files, keys } = useFilesScope();
  const queryClient = useQueryClient();
  return useMutation<void, ApiError, VersionVariables>({
    mutationFn: ({ file, versionId }) => files.deleteVersion(file.id, versionId),
    onSuccess: (_deleted, { file }) => invalidate(queryClient, [keys.fileVersions(file.id)]),
  });
}
