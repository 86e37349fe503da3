import type { FileDoc } from '@mytoutatice/contract';
import { useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { createUploadQueue } from '../upload-queue.ts';
import type { QueueItem, UploadQueue, UploadQueueOptions } from '../upload-queue.ts';
import { useFilesScope } from './files-scope.tsx';
import { queryKeys } from './query-keys.ts';
import type { FileKeys } from './query-keys.ts';
import { elsewhere, invalidate } from './use-files.ts';

/**
 * One upload queue for the component's life (keep it above the views that navigate, so that
 * uploads go on across folders): `queue` is the same object throughout (safe to hand down a
 * context without re-rendering), `items` changes with every progress. Each uploaded file or folder
 * made on the way refreshes the listing it appears in. The queue keeps the files scope it was made
 * in (one's own space, or a sharing): give each scope its own provider, keyed by it.
 */
export function useUploadQueue(options: Pick<UploadQueueOptions, 'concurrency' | 'conflict'> = {}): {
  queue: UploadQueue;
  items: readonly QueueItem[];
} {
  const { files, keys } = useFilesScope();
  const queryClient = useQueryClient();
  const [items, setItems] = useState<readonly QueueItem[]>([]);
  const [queue] = useState(() =>
    createUploadQueue(files, {
      ...options,
      onChange: setItems,
      onCreated: (doc) => void refreshAfterUpload(queryClient, doc, keys),
    }),
  );
  return { queue, items };
}

/** A new file or folder shows in its folder (every sort) and in the lists of recent files and searches. */
export function refreshAfterUpload(queryClient: QueryClient, doc: Pick<FileDoc, 'parentId'>, keys: FileKeys = queryKeys) {
  return invalidate(queryClient, [...(doc.parentId === null ? [] : [keys.folder(doc.parentId)]), ...elsewhere(keys)]);
}
