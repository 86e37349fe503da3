import {
  FileDoc,
  copyFileRoute,
  createDownloadLinkRoute,
  createFolderRoute,
  deleteFileRoute,
  deleteFileVersionRoute,
  emptyTrashRoute,
  getFileContentRoute,
  getFileRoute,
  getFileVersionContentRoute,
  listFavoriteFilesRoute,
  listFileVersionsRoute,
  listFolderRoute,
  listRecentFilesRoute,
  listTrashRoute,
  overwriteFileRoute,
  restoreFileRoute,
  restoreFileVersionRoute,
  searchFilesRoute,
  updateFileRoute,
  uploadFileRoute,
  zipFolderRoute,
  zipSelectionRoute,
} from '@mytoutatice/contract';
import type { CopyFileBody, DownloadLink, FileList, FileSort, FileVersionList, FolderListing, PatchFileBody, SearchResults, SortOrder } from '@mytoutatice/contract';
import { ApiError, apiErrorFrom } from './api-error.ts';
import { contentDigestOf } from './digest.ts';
import { parseResponse } from './parse-response.ts';
import { discardResumableUpload, isResumable, resumableUpload } from './resumable-upload.ts';
import { routeTarget } from './route-target.ts';
import type { CallOptions, PageOptions, Transport } from './transport.ts';
import { xhrSend } from './xhr-send.ts';

/** A browser `File`, or any Blob given a name. */
export type UploadInput = Blob & { readonly name: string };
/** On a name clash: fail with `name_conflict` (and a `suggestedName`), or take a free name. */
export type ConflictPolicy = 'fail' | 'rename';

export type UploadOptions = CallOptions & {
  onProgress?: ((loaded: number, total: number) => void) | undefined;
  conflict?: ConflictPolicy | undefined;
  /**
   * Aborted: stops like `signal`, but a resumable upload keeps what the server has, so the same
   * file uploaded again to the same place goes on from there. A single POST starts over.
   */
  pauseSignal?: AbortSignal | undefined;
};

export type OverwriteOptions = CallOptions & {
  onProgress?: ((loaded: number, total: number) => void) | undefined;
  /**
   * The `sha256` of the content being replaced, as last read: if the file has changed since, the
   * save is refused with 412 `precondition_failed` rather than lose the other change.
   */
  expectedSha256?: string | undefined;
};

/** A folder listing's order: folders always first, then by name (default), date of change or size. */
export type ListingOptions = PageOptions & { sort?: FileSort | undefined; order?: SortOrder | undefined };

/** For calls that name an item in a folder (rename, move, copy): what to do on a clash. */
export type PlacementOptions = CallOptions & { conflict?: ConflictPolicy | undefined };

export type FilesResource = {
  get(id: string, options?: CallOptions): Promise<FileDoc>;
  /** One page of a folder's children: folders first, then files, by name unless `sort` says otherwise. */
  children(folderId: string, options?: ListingOptions): Promise<FolderListing>;
  createFolder(parentId: string, name: string, options?: CallOptions): Promise<FileDoc>;
  /** Renames and/or moves (`parentId`), or (un)marks as favourite. */
  update(id: string, patch: PatchFileBody, options?: PlacementOptions): Promise<FileDoc>;
  /** Copies a file, or a folder with its content, into `parentId` (default: the same folder). */
  copy(id: string, target?: CopyFileBody, options?: PlacementOptions): Promise<FileDoc>;
  /** Moves to the trash (with what it holds); answers the trashed item. */
  trash(id: string, options?: CallOptions): Promise<FileDoc>;
  /** Back from the trash to where it was (folders made again if needed, name suffixed on a clash). */
  restore(id: string, options?: CallOptions): Promise<FileDoc>;
  /** Destroys an item of the trash for good. */
  destroy(id: string, options?: CallOptions): Promise<void>;
  emptyTrash(options?: CallOptions): Promise<void>;
  /** One page of the trash, newest first; each item's `path` is where it will be restored. */
  listTrash(options?: PageOptions): Promise<FolderListing>;
  /** Names containing `q`, case and accents ignored, prefixes first; each with its `path`. */
  search(q: string, options?: PageOptions): Promise<SearchResults>;
  /** Files last changed first. */
  recent(options?: PageOptions): Promise<FileList>;
  favorites(options?: PageOptions): Promise<FileList>;
  /**
   * Uploads with progress. Up to 8 MiB: one POST with a SHA-256 `Content-Digest` the server
   * checks, never retried. Above: tus, in 8 MiB chunks, retried and resumable after a restart.
   */
  upload(parentId: string, file: UploadInput, options?: UploadOptions): Promise<FileDoc>;
  /** A folder and everything in it as one zip (`root`: the whole Drive). Trashed items are left out. */
  zipFolder(id: string, options?: CallOptions): Promise<Blob>;
  /** Files and folders, from one or several folders, as one zip; each sits at its top. */
  zipSelection(ids: readonly string[], options?: CallOptions): Promise<Blob>;
  /**
   * Cancels for good an upload stopped by `pauseSignal`: what the server holds of it is deleted.
   * Nothing to do for a file sent in one POST (nothing of it was kept).
   */
  discardUpload(parentId: string, file: UploadInput, options?: { conflict?: ConflictPolicy | undefined }): Promise<void>;
  /** The file's bytes (through the bearer token; for a URL a media element can stream, see `downloadLink`). */
  content(id: string, options?: CallOptions): Promise<Blob>;
  /** A short-lived URL that downloads the file without a token (usable as a plain link). */
  downloadLink(id: string, options?: CallOptions): Promise<DownloadLink>;
  /**
   * Replaces the file's content (checked by its SHA-256 `Content-Digest`); the previous content
   * becomes a version. Identical bytes change nothing. Never retried.
   */
  overwrite(id: string, content: Blob, options?: OverwriteOptions): Promise<FileDoc>;
  /** The file's earlier contents, newest first (thinned as they age: denser when recent). */
  versions(id: string, options?: CallOptions): Promise<FileVersionList>;
  /** A version's bytes. */
  versionContent(id: string, versionId: string, options?: CallOptions): Promise<Blob>;
  /** The version becomes the content again, and the current content a version. */
  restoreVersion(id: string, versionId: string, options?: CallOptions): Promise<FileDoc>;
  /** Deletes a version for good, freeing its room. */
  deleteVersion(id: string, versionId: string, options?: CallOptions): Promise<void>;
};

/**
 * The files API at `apiBase`: `/api` for one's own space, `/api/sharings/<id>` for what a
 * sharing opens (the same calls, limited by the caller's role there).
 */
export function createFiles(transport: Transport, apiBase = '/api'): FilesResource {
  const at = (signal: AbortSignal | undefined) => ({ apiBase, signal });
  const page = (cursor: string | null | undefined, limit: number | undefined) => ({ cursor: cursor ?? undefined, limit });
  return {
    get: (id, { signal } = {}) => transport.call(getFileRoute, { params: { id } }, at(signal)),

    children: (id, { cursor, limit, sort, order, signal } = {}) =>
      transport.call(listFolderRoute, { params: { id }, query: { sort, order, ...page(cursor, limit) } }, at(signal)),

    createFolder: (parentId, name, { signal } = {}) => transport.call(createFolderRoute, { params: { parentId }, body: { name } }, at(signal)),

    update: (id, patch, { conflict, signal } = {}) => transport.call(updateFileRoute, { params: { id }, query: { conflict }, body: patch }, at(signal)),

    copy: (id, target = {}, { conflict, signal } = {}) =>
      transport.call(copyFileRoute, { params: { id }, query: { conflict }, body: target }, at(signal)),

    trash: async (id, { signal } = {}) => {
      const item = await transport.call(deleteFileRoute, { params: { id } }, at(signal));
      // Without `forever` the route answers 200 with the trashed item; its 204 is `destroy`'s.
      if (item === undefined) throw new ApiError({ status: 204, code: 'internal', title: 'Réponse inattendue du serveur' });
      return item;
    },

    restore: (id, { signal } = {}) => transport.call(restoreFileRoute, { params: { id } }, at(signal)),

    destroy: async (id, { signal } = {}) => {
      await transport.call(deleteFileRoute, { params: { id }, query: { forever: 'true' } }, at(signal));
    },

    emptyTrash: async ({ signal } = {}) => {
      await transport.call(emptyTrashRoute, {}, at(signal));
    },

    listTrash: ({ cursor, limit, signal } = {}) => transport.call(listTrashRoute, { query: page(cursor, limit) }, at(signal)),

    search: (q, { cursor, limit, signal } = {}) => transport.call(searchFilesRoute, { query: { q, ...page(cursor, limit) } }, at(signal)),

    recent: ({ cursor, limit, signal } = {}) => transport.call(listRecentFilesRoute, { query: page(cursor, limit) }, at(signal)),

    favorites: ({ cursor, limit, signal } = {}) => transport.call(listFavoriteFilesRoute, { query: page(cursor, limit) }, at(signal)),

    upload: (parentId, file, options = {}) => upload(transport, apiBase, parentId, file, options),

    zipFolder: async (id, { signal } = {}) => (await transport.send(routeTarget(zipFolderRoute, { id }, apiBase), { signal })).blob(),

    zipSelection: async (ids, { signal } = {}) =>
      (await transport.send(routeTarget(zipSelectionRoute, {}, apiBase), { method: 'POST', json: { ids: [...ids] }, signal })).blob(),

    discardUpload: async (parentId, file, { conflict = 'fail' } = {}) => {
      if (isResumable(file)) await discardResumableUpload(transport, parentId, file, conflict, apiBase);
    },

    content: async (id, { signal } = {}) => (await transport.send(routeTarget(getFileContentRoute, { id }, apiBase), { signal })).blob(),

    downloadLink: (id, { signal } = {}) => transport.call(createDownloadLinkRoute, { params: { id } }, at(signal)),

    overwrite: (id, content, { expectedSha256, ...options } = {}) =>
      sendContent(transport, 'PUT', transport.url(routeTarget(overwriteFileRoute, { id }, apiBase)), content, {
        ...options,
        headers: expectedSha256 === undefined ? {} : { 'If-Match': `"${expectedSha256}"` },
      }),

    versions: (id, { signal } = {}) => transport.call(listFileVersionsRoute, { params: { id } }, at(signal)),

    versionContent: async (id, versionId, { signal } = {}) =>
      (await transport.send(routeTarget(getFileVersionContentRoute, { id, versionId }, apiBase), { signal })).blob(),

    restoreVersion: (id, versionId, { signal } = {}) => transport.call(restoreFileVersionRoute, { params: { id, versionId } }, at(signal)),

    deleteVersion: async (id, versionId, { signal } = {}) => {
      await transport.call(deleteFileVersionRoute, { params: { id, versionId } }, at(signal));
    },
  };
}

async function upload(transport: Transport, apiBase: string, parentId: string, file: UploadInput, options: UploadOptions) {
  const { onProgress, signal, pauseSignal, conflict = 'fail' } = options;
  if (isResumable(file)) {
    const id = await resumableUpload(transport, parentId, file, { conflict, signal, pauseSignal, onProgress, apiBase });
    onProgress?.(file.size, file.size);
    return transport.call(getFileRoute, { params: { id } }, { apiBase, signal });
  }
  const stop = pauseSignal ? AbortSignal.any([pauseSignal, ...(signal ? [signal] : [])]) : signal;
  const url = transport.url(routeTarget(uploadFileRoute, { parentId }, apiBase), { name: file.name, conflict });
  return sendContent(transport, 'POST', url, file, { onProgress, signal: stop });
}

/** Sends bytes as the raw body, with progress and a SHA-256 `Content-Digest` the server checks. */
async function sendContent(
  transport: Transport,
  method: 'POST' | 'PUT',
  url: string,
  content: Blob,
  options: CallOptions & { onProgress?: ((loaded: number, total: number) => void) | undefined; headers?: Record<string, string> },
) {
  const { onProgress, signal, headers = {} } = options;
  const digest = await contentDigestOf(content);
  signal?.throwIfAborted();
  const attempt = async () =>
    xhrSend({
      method,
      url,
      headers: {
        ...(await transport.authorization()),
        ...headers,
        Accept: 'application/json',
        'Content-Type': content.type || 'application/octet-stream',
        'Content-Digest': digest,
      },
      body: content,
      onUploadProgress: onProgress && ((loaded, total) => onProgress(loaded, total || content.size)),
      signal,
    });
  let answer = await attempt();
  // A 401 is answered before anything is stored: sending again after a renewal is safe.
  if (answer.status === 401 && (await transport.renewToken())) answer = await attempt();
  if (answer.status < 200 || answer.status > 299) throw apiErrorFrom(answer);
  onProgress?.(content.size, content.size);
  return parseResponse(FileDoc, answer.body, answer.status);
}
