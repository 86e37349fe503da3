import { DownloadLink, FileDoc, FolderListing } from '@mytoutatice/contract';
import type { CreateFolderBody } from '@mytoutatice/contract';
import { apiErrorFrom } from './api-error.ts';
import { contentDigestOf } from './digest.ts';
import { parseResponse } from './parse-response.ts';
import type { CallOptions, PageOptions, Transport } from './transport.ts';
import { xhrSend } from './xhr-send.ts';

/** A browser `File`, or any Blob given a name. */
export type UploadInput = Blob & { readonly name: string };
/** On a name clash: fail with `name_conflict` (and a `suggestedName`), or take a free name. */
export type ConflictPolicy = 'fail' | 'rename';

export type UploadOptions = CallOptions & {
  onProgress?: ((loaded: number, total: number) => void) | undefined;
  conflict?: ConflictPolicy | undefined;
};

export type FilesResource = {
  get(id: string, options?: CallOptions): Promise<FileDoc>;
  /** One page of a folder's children: folders first, then files, by name. */
  children(folderId: string, options?: PageOptions): Promise<FolderListing>;
  createFolder(parentId: string, name: string, options?: CallOptions): Promise<FileDoc>;
  /** Uploads with progress and a SHA-256 `Content-Digest` the server checks. Never retried. */
  upload(parentId: string, file: UploadInput, options?: UploadOptions): Promise<FileDoc>;
  /** A short-lived URL that downloads the file without a token (usable as a plain link). */
  downloadLink(id: string, options?: CallOptions): Promise<DownloadLink>;
};

const path = (id: string) => `/api/files/${encodeURIComponent(id)}`;

export function createFiles(transport: Transport): FilesResource {
  return {
    get: (id, { signal } = {}) => transport.request(path(id), FileDoc, { signal }),

    children: (folderId, { cursor, limit, signal } = {}) =>
      transport.request(`${path(folderId)}/children`, FolderListing, { query: { cursor, limit }, signal }),

    createFolder: (parentId, name, { signal } = {}) =>
      transport.request(`${path(parentId)}/folders`, FileDoc, {
        method: 'POST',
        json: { name } satisfies CreateFolderBody,
        signal,
      }),

    upload: (parentId, file, options = {}) => upload(transport, parentId, file, options),

    downloadLink: (id, { signal } = {}) =>
      transport.request(`${path(id)}/download-link`, DownloadLink, { method: 'POST', signal }),
  };
}

async function upload(transport: Transport, parentId: string, file: UploadInput, options: UploadOptions) {
  const { onProgress, signal, conflict = 'fail' } = options;
  const digest = await contentDigestOf(file);
  signal?.throwIfAborted();
  const url = transport.url(`${path(parentId)}/files`, { name: file.name, conflict });
  const attempt = async () =>
    xhrSend({
      method: 'POST',
      url,
      headers: {
        ...(await transport.authorization()),
        Accept: 'application/json',
        'Content-Type': file.type || 'application/octet-stream',
        'Content-Digest': digest,
      },
      body: file,
      onUploadProgress: onProgress && ((loaded, total) => onProgress(loaded, total || file.size)),
      signal,
    });
  let answer = await attempt();
  // A 401 is answered before anything is stored: sending again after a renewal is safe.
  if (answer.status === 401 && (await transport.renewToken())) answer = await attempt();
  if (answer.status < 200 || answer.status > 299) throw apiErrorFrom(answer);
  onProgress?.(file.size, file.size);
  return parseResponse(FileDoc, answer.body, answer.status);
}
