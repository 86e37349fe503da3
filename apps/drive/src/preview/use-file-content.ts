import { useQuery } from '@tanstack/react-query';
import type { FileDoc } from '@mytoutatice/contract';
import type { ApiError } from '@mytoutatice/sdk';
import { useFilesScope } from '@mytoutatice/sdk/react';

/**
 * A file's bytes, for a preview. Keyed by its SHA-256 too: a new content (a restored version) is
 * fetched again, the same one comes from the cache when going back and forth.
 */
export function useFileContent(file: Pick<FileDoc, 'id' | 'sha256'>) {
  const { files, keys } = useFilesScope();
  return useQuery<Blob, ApiError>({
    queryKey: [...keys.file(file.id), 'content', file.sha256],
    queryFn: ({ signal }) => files.content(file.id, { signal }),
    // Blobs of big files: not kept long once their preview is closed.
    gcTime: 30_000,
  });
}
