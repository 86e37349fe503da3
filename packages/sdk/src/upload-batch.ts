import type { FileDoc } from '@mytoutatice/contract';
import { ApiError, isApiError } from './api-error.ts';
import type { ConflictPolicy, FilesResource, UploadInput } from './files.ts';

export type UploadStatus = 'queued' | 'uploading' | 'done' | 'failed' | 'cancelled';

/** One file of a batch, as a progress list shows it. */
export type UploadItem = {
  /** Unique in the page, stable for the item's life (a React key). */
  readonly key: string;
  readonly name: string;
  readonly size: number;
  readonly loaded: number;
  readonly status: UploadStatus;
  readonly file?: FileDoc;
  /** On `failed`; `name_conflict` carries `suggestedName`. */
  readonly error?: ApiError;
};

export type UploadBatchOptions = {
  conflict?: ConflictPolicy | undefined;
  signal?: AbortSignal | undefined;
  /** Called with each new state of an item, the queued items first. */
  onUpdate?: ((item: UploadItem) => void) | undefined;
};

let batches = 0;

/**
 * Uploads files one after the other into a folder. A failed file does not stop the others; an
 * abort marks the rest cancelled. Never throws: the outcome of each file is in the result.
 */
export async function uploadBatch(
  files: Pick<FilesResource, 'upload'>,
  parentId: string,
  inputs: readonly UploadInput[],
  { conflict, signal, onUpdate }: UploadBatchOptions = {},
): Promise<UploadItem[]> {
  const batch = ++batches;
  const items: UploadItem[] = inputs.map((input, index) => ({
    key: `upload-${batch}-${index}`,
    name: input.name,
    size: input.size,
    loaded: 0,
    status: 'queued',
  }));
  const update = (index: number, change: Partial<UploadItem>) => {
    const item = { ...(items[index] as UploadItem), ...change };
    items[index] = item;
    onUpdate?.(item);
  };
  items.forEach((item) => onUpdate?.(item));

  for (const [index, input] of inputs.entries()) {
    if (signal?.aborted) {
      update(index, { status: 'cancelled' });
      continue;
    }
    update(index, { status: 'uploading' });
    try {
      const file = await files.upload(parentId, input, {
        conflict,
        signal,
        onProgress: (loaded) => update(index, { loaded }),
      });
      update(index, { status: 'done', loaded: input.size, file });
    } catch (error) {
      if (signal?.aborted) update(index, { status: 'cancelled' });
      else update(index, { status: 'failed', error: asApiError(error) });
    }
  }
  return items;
}

export function asApiError(error: unknown): ApiError {
  if (isApiError(error)) return error;
  return new ApiError({
    status: 0,
    code: 'internal',
    title: 'Échec de l’envoi',
    detail: error instanceof Error ? error.message : undefined,
    cause: error,
  });
}
