import * as z from 'zod/mini';
import {
  CopyFileBody,
  CreateFolderBody,
  DownloadLink,
  FileDoc,
  FileList,
  FileSort,
  FolderListing,
  MAX_SEARCH_LENGTH,
  PatchFileBody,
  SearchResults,
  SortOrder,
} from '../files.ts';
import { conflictParam, headerParam, pageParams, pathParam, queryParam, type ApiRoute } from './api-route.ts';

const read = { resource: 'files', verb: 'read' } as const;
const write = { resource: 'files', verb: 'write' } as const;
const tags = ['files'];

const fileId = pathParam('id', 'A file or folder id; `root` is the top folder, `trash` the trash.');
const folderId = pathParam('parentId', 'The folder to create in (`root` for the top folder).');

export const content = {
  description: 'The bytes, as an attachment (sandboxed, `nosniff`).',
  payload: 'binary',
  headers: { ETag: 'Strong validator of the content.', 'Content-Disposition': 'attachment, with the file name.' },
} as const;
export const partialContent = { description: 'The single byte range asked for.', payload: 'binary', headers: { 'Content-Range': 'bytes start-end/size' } } as const;
export const rangeParams = [
  headerParam('Range', 'One byte range (`bytes=0-1023`); several ranges get the whole content.'),
  headerParam('If-Range', 'The ETag the range is valid for; another ETag gets the whole content.'),
  headerParam('If-None-Match', 'An ETag already held: 304 when it still matches.'),
];

export const getFileRoute = {
  method: 'get',
  path: '/files/{id}',
  service: 'storage',
  operationId: 'getFile',
  summary: 'Get a file or folder',
  tags,
  permission: read,
  params: [fileId],
  responses: { 200: { description: 'The item.', payload: FileDoc } },
  errors: ['not_found'],
} as const satisfies ApiRoute;

export const listFolderRoute = {
  method: 'get',
  path: '/files/{id}/children',
  service: 'storage',
  operationId: 'listFolder',
  summary: 'List a folder, folders first',
  tags,
  permission: read,
  params: [
    fileId,
    queryParam('sort', 'Sort key; folders always come first. `name` when absent.', FileSort),
    queryParam('order', '`asc` when absent.', SortOrder),
    ...pageParams,
  ],
  responses: { 200: { description: 'The folder and one page of what is in it.', payload: FolderListing } },
  errors: ['bad_request', 'not_found', 'not_a_folder'],
} as const satisfies ApiRoute;

export const updateFileRoute = {
  method: 'patch',
  path: '/files/{id}',
  service: 'storage',
  operationId: 'updateFile',
  summary: 'Rename, move, or (un)mark as favourite',
  tags,
  permission: write,
  params: [fileId, conflictParam],
  body: PatchFileBody,
  responses: { 200: { description: 'The item as it is now.', payload: FileDoc } },
  errors: ['bad_request', 'invalid_name', 'invalid_move', 'name_conflict', 'in_trash', 'forbidden', 'not_found', 'not_a_folder'],
} as const satisfies ApiRoute;

export const deleteFileRoute = {
  method: 'delete',
  path: '/files/{id}',
  service: 'storage',
  operationId: 'deleteFile',
  summary: 'Move to the trash, or destroy an item already in it',
  tags,
  permission: write,
  params: [fileId, queryParam('forever', '`true`: destroy for good (only what is in the trash).', z.enum(['true', 'false']))],
  responses: {
    200: { description: 'Trashed: the item, with `trashedAt` and where it was (`path`).', payload: FileDoc },
    204: { description: 'Destroyed with everything in it.' },
  },
  errors: ['bad_request', 'forbidden', 'not_found'],
} as const satisfies ApiRoute;

export const restoreFileRoute = {
  method: 'post',
  path: '/files/{id}/restore',
  service: 'storage',
  operationId: 'restoreFile',
  summary: 'Restore from the trash to where it was',
  description: 'When the folder it was in is gone, it comes back to the top folder; a taken name gets the next free one.',
  tags,
  permission: write,
  params: [fileId],
  responses: { 200: { description: 'The item, restored.', payload: FileDoc } },
  errors: ['bad_request', 'forbidden', 'not_found'],
} as const satisfies ApiRoute;

export const copyFileRoute = {
  method: 'post',
  path: '/files/{id}/copy',
  service: 'storage',
  operationId: 'copyFile',
  summary: 'Copy a file or a folder with its content',
  tags,
  permission: write,
  params: [fileId, conflictParam],
  body: CopyFileBody,
  responses: { 201: { description: 'The copy.', payload: FileDoc } },
  errors: ['bad_request', 'invalid_name', 'name_conflict', 'in_trash', 'forbidden', 'not_found', 'not_a_folder', 'quota_exceeded'],
} as const satisfies ApiRoute;

export const createFolderRoute = {
  method: 'post',
  path: '/files/{parentId}/folders',
  service: 'storage',
  operationId: 'createFolder',
  summary: 'Create a folder',
  tags,
  permission: write,
  params: [folderId],
  body: CreateFolderBody,
  responses: { 201: { description: 'The new folder.', payload: FileDoc } },
  errors: ['invalid_name', 'name_conflict', 'in_trash', 'not_found', 'not_a_folder'],
} as const satisfies ApiRoute;

export const uploadFileRoute = {
  method: 'post',
  path: '/files/{parentId}/files',
  service: 'storage',
  operationId: 'uploadFile',
  summary: 'Upload a file (the body is its content)',
  description: 'Streamed to disk; committed only once complete and, with `Content-Digest`, checked.',
  tags,
  permission: write,
  params: [
    folderId,
    queryParam('name', 'The file name.', z.string(), true),
    conflictParam,
    headerParam('Content-Digest', 'RFC 9530 `sha-256=:<base64>:`; a mismatch is refused with 422 and nothing kept.'),
  ],
  body: 'binary',
  responses: { 201: { description: 'The new file.', payload: FileDoc } },
  errors: ['bad_request', 'invalid_name', 'invalid_digest', 'name_conflict', 'in_trash', 'not_found', 'not_a_folder', 'hash_mismatch', 'payload_too_large', 'quota_exceeded'],
} as const satisfies ApiRoute;

export const getFileContentRoute = {
  method: 'get',
  path: '/files/{id}/content',
  service: 'storage',
  operationId: 'getFileContent',
  summary: 'Download a file',
  tags,
  permission: read,
  params: [fileId, ...rangeParams],
  responses: { 200: content, 206: partialContent, 304: { description: 'The ETag given still matches.' } },
  errors: ['not_found', 'not_a_file', 'range_not_satisfiable'],
} as const satisfies ApiRoute;

export const createDownloadLinkRoute = {
  method: 'post',
  path: '/files/{id}/download-link',
  service: 'storage',
  operationId: 'createDownloadLink',
  summary: 'Make a short-lived link that downloads a file without a token',
  tags,
  permission: read,
  params: [fileId],
  responses: { 200: { description: 'The link, under `/api`.', payload: DownloadLink } },
  errors: ['not_found', 'not_a_file'],
} as const satisfies ApiRoute;

export const downloadByLinkRoute = {
  method: 'get',
  path: '/files/downloads/{token}/{name}',
  service: 'storage',
  operationId: 'downloadByLink',
  summary: 'Download through a link made by createDownloadLink',
  tags,
  permission: 'link',
  params: [pathParam('token', 'The capability the link carries.'), pathParam('name', 'The file name (for the browser; not checked).'), ...rangeParams],
  responses: { 200: content, 206: partialContent, 304: { description: 'The ETag given still matches.' } },
  errors: ['invalid_token', 'not_found', 'range_not_satisfiable'],
} as const satisfies ApiRoute;

export const searchFilesRoute = {
  method: 'get',
  path: '/files/search',
  service: 'storage',
  operationId: 'searchFiles',
  summary: 'Find files and folders by name',
  description: 'Case and accents ignored; names starting with the text come first. The trash is not searched.',
  tags,
  permission: read,
  params: [queryParam('q', 'The text searched.', z.string().check(z.maxLength(MAX_SEARCH_LENGTH)), true), ...pageParams],
  responses: { 200: { description: 'One page of results, each with its path.', payload: SearchResults } },
  errors: ['bad_request'],
} as const satisfies ApiRoute;

export const listRecentFilesRoute = {
  method: 'get',
  path: '/files/recent',
  service: 'storage',
  operationId: 'listRecentFiles',
  summary: 'List the files changed last',
  tags,
  permission: read,
  params: pageParams,
  responses: { 200: { description: 'One page, newest first, each with its path.', payload: FileList } },
  errors: ['bad_request'],
} as const satisfies ApiRoute;

export const listFavoriteFilesRoute = {
  method: 'get',
  path: '/files/favorites',
  service: 'storage',
  operationId: 'listFavoriteFiles',
  summary: 'List favourites',
  tags,
  permission: read,
  params: pageParams,
  responses: { 200: { description: 'One page, each with its path.', payload: FileList } },
  errors: ['bad_request'],
} as const satisfies ApiRoute;

export const listTrashRoute = {
  method: 'get',
  path: '/files/trash/children',
  service: 'storage',
  operationId: 'listTrash',
  summary: 'List the trash, last trashed first',
  tags,
  permission: read,
  params: pageParams,
  responses: { 200: { description: 'The trash and one page of what is in it, each with where it was.', payload: FolderListing } },
  errors: ['bad_request'],
} as const satisfies ApiRoute;

export const emptyTrashRoute = {
  method: 'delete',
  path: '/files/trash',
  service: 'storage',
  operationId: 'emptyTrash',
  summary: 'Empty the trash',
  tags,
  permission: write,
  responses: { 204: { description: 'Everything in the trash is destroyed.' } },
  errors: [],
} as const satisfies ApiRoute;

export const fileRoutes: readonly ApiRoute[] = [getFileRoute, listFolderRoute, updateFileRoute, deleteFileRoute, restoreFileRoute, copyFileRoute, createFolderRoute, uploadFileRoute, getFileContentRoute, createDownloadLinkRoute, downloadByLinkRoute, searchFilesRoute, listRecentFilesRoute, listFavoriteFilesRoute, listTrashRoute, emptyTrashRoute];
