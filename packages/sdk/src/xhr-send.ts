import { ApiError, networkError } from './api-error.ts';
import type { ErrorAnswer } from './api-error.ts';

export type XhrRequest = {
  method: string;
  url: string;
  headers: Readonly<Record<string, string>>;
  body: XMLHttpRequestBodyInit;
  onUploadProgress?: ((loaded: number, total: number) => void) | undefined;
  signal?: AbortSignal | undefined;
};

/**
 * One request through XMLHttpRequest, the only browser API that reports upload progress.
 * Resolves with whatever answer arrives (any status); rejects with ApiError (status 0) when none
 * does, or with the signal's reason when aborted.
 */
export function xhrSend(request: XhrRequest): Promise<ErrorAnswer> {
  const { signal } = request;
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const xhr = new XMLHttpRequest();
    const onAbort = () => xhr.abort();
    const settle = () => signal?.removeEventListener('abort', onAbort);
    xhr.open(request.method, request.url);
    for (const [name, value] of Object.entries(request.headers)) xhr.setRequestHeader(name, value);
    if (request.onUploadProgress) {
      const report = request.onUploadProgress;
      xhr.upload.addEventListener('progress', (event) => {
        report(event.loaded, event.lengthComputable ? event.total : 0);
      });
    }
    xhr.addEventListener('load', () => {
      settle();
      resolve({
        status: xhr.status,
        contentType: xhr.getResponseHeader('content-type'),
        body: xhr.responseText,
        requestId: xhr.getResponseHeader('x-request-id'),
      });
    });
    xhr.addEventListener('error', () => {
      settle();
      reject(networkError(new Error(`${request.method} ${request.url} failed`)));
    });
    xhr.addEventListener('timeout', () => {
      settle();
      reject(new ApiError({ status: 0, code: 'upstream_timeout', title: 'Le serveur ne répond pas' }));
    });
    xhr.addEventListener('abort', () => {
      settle();
      reject(signal?.reason ?? new DOMException('Upload aborted', 'AbortError'));
    });
    signal?.addEventListener('abort', onAbort, { once: true });
    xhr.send(request.body);
  });
}
