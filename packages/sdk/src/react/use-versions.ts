import type { FileDoc, FileVersionList } from '@mytoutatice/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import type { ApiError } from '../api-error.ts';
import { useClient } from './provider.tsx';
import { queryKeys } from './query-keys.ts';
import { elsewhere, invalidate, type KnownFile } from './use-files.ts';

/** A file's earlier contents, newest first. */
export function useFileVersions(id: string) {
  const client = useClient();
  return useQuery<FileVersionList, ApiError>({
    queryKey: queryKeys.fileVersions(id),
    queryFn: ({ signal }) => client.files.versions(id, { signal }),
  });
}

/**
 * What a new content changes: the file and its versions, the folder listing it (size, date),
 * and the lists showing it elsewhere.
 */
export function refreshAfterContentChange(queryClient: QueryClient, file: KnownFile) {
  const folder = file.parentId === null ? [] : [queryKeys.folder(file.parentId)];
  return invalidate(queryClient, [queryKeys.file(file.id), ...folder, ...elsewhere()]);
}

export type OverwriteVariables = { file: KnownFile; content: Blob; expectedSha256?: string };

/** `mutate({ file, content, expectedSha256? })`: saves new content; 412 `precondition_failed` if it changed meanwhile. */
export function useOverwrite() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation<FileDoc, ApiError, OverwriteVariables>({
    mutationFn: ({ file, content, expectedSha256 }) => client.files.overwrite(file.id, content, { expectedSha256 }),
    onSuccess: (_saved, { file }) => refreshAfterContentChange(queryClient, file),
  });
}

export type VersionVariables = { file: KnownFile; versionId: string };

/** `mutate({ file, versionId })`: the version becomes the content again. */
export function useRestoreVersion() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation<FileDoc, ApiError, VersionVariables>({
    mutationFn: ({ file, versionId }) => client.files.restoreVersion(file.id, versionId),
    onSuccess: (_restored, { file }) => refreshAfterContentChange(queryClient, file),
  });
}

/** `mutate({ file, versionId })`: deletes a version for good. */
export function useDeleteVersion() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation<void, ApiError, VersionVariables>({
    mutationFn: ({ file, versionId }) => client.files.deleteVersion(file.id, versionId),
    onSuccess: (_deleted, { file }) => invalidate(queryClient, [queryKeys.fileVersions(file.id)]),
  });
}
