import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import type { ConflictPolicy, UploadInput } from '../files.ts';
import { uploadBatch } from '../upload-batch.ts';
import type { UploadItem } from '../upload-batch.ts';
import { useFilesScope } from './files-scope.tsx';

export type UploadVariables = { files: readonly UploadInput[]; conflict?: ConflictPolicy };

/**
 * `mutate({ files })` uploads into the folder one file after the other; `uploads` holds every
 * file's progress and outcome (a failed file does not fail the mutation: see its `error`).
 * `cancel()` aborts what is running; `clear()` forgets the finished items.
 */
export function useUpload(parentId: string) {
  const scope = useFilesScope();
  const queryClient = useQueryClient();
  const [uploads, setUploads] = useState<readonly UploadItem[]>([]);
  const running = useRef(new Set<AbortController>());

  const mutation = useMutation<UploadItem[], Error, UploadVariables>({
    mutationFn: async ({ files, conflict }) => {
      const controller = new AbortController();
      running.current.add(controller);
      try {
        return await uploadBatch(scope.files, parentId, files, {
          conflict,
          signal: controller.signal,
          onUpdate: (item) => setUploads((list) => upsert(list, item)),
        });
      } finally {
        running.current.delete(controller);
      }
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: scope.keys.folder(parentId) }),
  });

  const cancel = useCallback(() => running.current.forEach((controller) => controller.abort()), []);
  const clear = useCallback(
    () => setUploads((list) => list.filter((item) => item.status === 'queued' || item.status === 'uploading')),
    [],
  );
  return { ...mutation, uploads, cancel, clear };
}

function upsert(list: readonly UploadItem[], item: UploadItem): readonly UploadItem[] {
  const index = list.findIndex((other) => other.key === item.key);
  return index === -1 ? [...list, item] : list.with(index, item);
}
