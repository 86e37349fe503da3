import type { DetailedError, HttpRequest, Upload as TusUpload } from 'tus-js-client';
import { createUploadRoute } from '@mytoutatice/contract';
import { apiErrorFrom, networkError } from './api-error.ts';
import type { ConflictPolicy, UploadInput } from './files.ts';
import { routeTarget } from './route-target.ts';
import type { Transport } from './transport.ts';

/** Files above this go through tus (resumable, in chunks); smaller ones in one POST. */
export const RESUMABLE_FROM_BYTES = 8 * 1024 * 1024;
/** One PATCH each: well under the proxies' request caps (the server refuses over 64 MiB). */
export const CHUNK_BYTES = 8 * 1024 * 1024;
/** Between tries after a failure (network, 5xx, 409 offset): then the upload fails. */
const RETRY_DELAYS_MS = [0, 1000, 3000, 5000, 10_000, 20_000];

const FINGERPRINT_PREFIX = 'mytoutatice-tus';

export function isResumable(file: Pick<Blob, 'size'>): boolean {
  return file.size > RESUMABLE_FROM_BYTES;
}

export type ResumableUploadOptions = {
  conflict: ConflictPolicy;
  signal?: AbortSignal | undefined;
  /** Aborted: stops, keeping the partial upload on the server (and its URL) for a later resume. */
  pauseSignal?: AbortSignal | undefined;
  onProgress?: ((loaded: number, total: number) => void) | undefined;
  /** Where the API is (`/api`, or a sharing's `/api/sharings/<id>`). */
  apiBase?: string | undefined;
};

/**
 * tus-js-client's default, except that a 409 is retried only on a PATCH (the offset moved: the
 * retry asks the server where it is), never on a creation (`name_conflict` stays a conflict).
 */
function retryable(status: number, method: string | undefined): boolean {
  return status === 0 || status >= 500 || status === 423 || (status === 409 && method === 'PATCH');
}

/**
 * Uploads through the tus endpoint (`/api/uploads`): 8 MiB PATCHes, retried from the offset the
 * server has, and resumable after a browser restart (tus-js-client keeps each upload's URL in
 * localStorage under a fingerprint of the file and its destination). Resolves with the new
 * file's id, which the server sends on the request that completed the upload.
 */
export async function resumableUpload(
  transport: Transport,
  parentId: string,
  file: UploadInput,
  { conflict, signal, pauseSignal, onProgress, apiBase = '/api' }: ResumableUploadOptions,
): Promise<string> {
  signal?.throwIfAborted();
  pauseSignal?.throwIfAborted();
  // Loaded on first use: the library stays out of the sdk most pages load.
  const { Upload } = await import('tus-js-client');
  const endpoint = endpointOf(transport, apiBase);
  let renewal: Promise<boolean> | undefined;

  return new Promise<string>((resolve, reject) => {
    const upload: TusUpload = new Upload(file, {
      endpoint,
      chunkSize: CHUNK_BYTES,
      retryDelays: RETRY_DELAYS_MS,
      metadata: { filename: file.name, parent: parentId, conflict },
      storeFingerprintForResuming: true,
      removeFingerprintOnSuccess: true,
      fingerprint: async () => fingerprintOf(endpoint, parentId, conflict, file),
      async onBeforeRequest(req: HttpRequest) {
        await renewal;
        for (const [name, value] of Object.entries(await transport.authorization())) req.setHeader(name, value);
      },
      onShouldRetry(error: DetailedError) {
        const status = error.originalResponse?.getStatus() ?? 0;
        if (status === 401) {
          renewal = transport.renewToken();
          return true;
        }
        return retryable(status, error.originalRequest?.getMethod());
      },
      onProgress: (loaded, total) => onProgress?.(loaded, total),
      onSuccess({ lastResponse }) {
        stopListening();
        const id = lastResponse.getHeader('X-File-Id');
        if (id) resolve(id);
        else reject(networkError(new Error('the upload completed without the id of its file')));
      },
      onError(error) {
        stopListening();
        const answer = (error as DetailedError).originalResponse;
        if (!answer) {
          reject(networkError(error));
          return;
        }
        reject(
          apiErrorFrom({
            status: answer.getStatus(),
            contentType: answer.getHeader('Content-Type') ?? null,
            body: answer.getBody(),
            requestId: answer.getHeader('X-Request-Id') ?? null,
          }),
        );
      },
    });
    // Cancelling is the person's choice: the partial upload is deleted on the server too.
    const onAbort = () => {
      upload.abort(true).catch(() => undefined);
      reject(signal?.reason);
    };
    const onPause = () => {
      upload.abort(false).catch(() => undefined);
      reject(pauseSignal?.reason);
    };
    const stopListening = () => {
      signal?.removeEventListener('abort', onAbort);
      pauseSignal?.removeEventListener('abort', onPause);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    pauseSignal?.addEventListener('abort', onPause, { once: true });
    upload
      .findPreviousUploads()
      .then((previous) => {
        const last = previous[0];
        if (last) upload.resumeFromPreviousUpload(last);
        upload.start();
      })
      .catch((error: unknown) => reject(networkError(error)));
  });
}

const endpointOf = (transport: Transport, apiBase: string) => new URL(transport.url(routeTarget(createUploadRoute, {}, apiBase)), globalThis.location?.href).href;

/** The destination is part of what is resumed: the same file sent to another folder is another upload. */
function fingerprintOf(endpoint: string, parentId: string, conflict: ConflictPolicy, file: UploadInput): string {
  return [FINGERPRINT_PREFIX, endpoint, parentId, conflict, file.name, file.type, file.size, 'lastModified' in file ? file.lastModified : ''].join('|');
}

/**
 * Cancels a paused upload for good: the server deletes what it received, and this browser
 * forgets it (a running upload is cancelled by its `signal`).
 */
export async function discardResumableUpload(
  transport: Transport,
  parentId: string,
  file: UploadInput,
  conflict: ConflictPolicy,
  apiBase = '/api',
): Promise<void> {
  const { Upload } = await import('tus-js-client');
  const endpoint = endpointOf(transport, apiBase);
  const upload = new Upload(file, {
    endpoint,
    fingerprint: async () => fingerprintOf(endpoint, parentId, conflict, file),
    async onBeforeRequest(req: HttpRequest) {
      for (const [name, value] of Object.entries(await transport.authorization())) req.setHeader(name, value);
    },
  });
  const [previous] = await upload.findPreviousUploads();
  if (!previous) return;
  upload.resumeFromPreviousUpload(previous);
  // Terminates on the server (DELETE), then removes the stored URL.
  await upload.abort(true);
}

/** An upload begun in this browser and not finished (paused, cut, or the page was closed). */
export type UnfinishedUpload = {
  /** To forget it (`forgetUnfinishedUpload`). */
  readonly key: string;
  readonly name: string;
  readonly size: number;
  readonly parentId: string;
  readonly conflict: ConflictPolicy;
  readonly startedAt: string;
};

/**
 * The unfinished uploads tus-js-client remembers in localStorage. Uploading the same file (same
 * name, type, size and date) to the same folder again resumes it where the server is.
 */
export async function unfinishedUploads(): Promise<UnfinishedUpload[]> {
  const { defaultOptions } = await import('tus-js-client');
  const stored = await defaultOptions.urlStorage.findAllUploads();
  return stored
    .filter((upload) => upload.urlStorageKey.startsWith(`tus::${FINGERPRINT_PREFIX}|`))
    .map((upload) => ({
      key: upload.urlStorageKey,
      name: upload.metadata.filename ?? '',
      size: upload.size ?? 0,
      parentId: upload.metadata.parent ?? '',
      conflict: upload.metadata.conflict === 'rename' ? 'rename' : 'fail',
      startedAt: upload.creationTime,
    }));
}

/** Forgets an unfinished upload here; the server drops its bytes when the upload expires. */
export async function forgetUnfinishedUpload(key: string): Promise<void> {
  const { defaultOptions } = await import('tus-js-client');
  await defaultOptions.urlStorage.removeUpload(key);
}
