import { FileDoc } from '../files.ts';
import { FileVersionList } from '../file-versions.ts';
import { headerParam, pathParam, type ApiRoute } from './api-route.ts';
import { content, partialContent, rangeParams } from './file-routes.ts';

const read = { resource: 'files', verb: 'read' } as const;
const write = { resource: 'files', verb: 'write' } as const;
const tags = ['files'];

const fileId = pathParam('id', 'A file id.');
const versionId = pathParam('versionId', 'One of the file’s versions, from listFileVersions.');

export const overwriteFileRoute = {
  method: 'put',
  path: '/files/{id}/content',
  service: 'storage',
  operationId: 'overwriteFile',
  summary: 'Replace a file’s content (the body); the previous content becomes a version',
  description:
    'Streamed and committed like an upload. Identical bytes change nothing. When the quota would refuse it, the oldest versions of the space go first.',
  tags,
  permission: write,
  params: [
    fileId,
    headerParam('Content-Digest', 'RFC 9530 `sha-256=:<base64>:`; a mismatch is refused with 422 and nothing kept.'),
    headerParam('If-Match', 'The ETag (`"<sha256>"`) of the content being replaced: 412 when the file has changed since.'),
  ],
  body: 'binary',
  responses: { 200: { description: 'The file with its new content.', payload: FileDoc } },
  errors: ['bad_request', 'invalid_digest', 'in_trash', 'not_found', 'not_a_file', 'hash_mismatch', 'precondition_failed', 'payload_too_large', 'quota_exceeded'],
} as const satisfies ApiRoute;

export const listFileVersionsRoute = {
  method: 'get',
  path: '/files/{id}/versions',
  service: 'storage',
  operationId: 'listFileVersions',
  summary: 'List a file’s earlier contents, newest first',
  tags,
  permission: read,
  params: [fileId],
  responses: { 200: { description: 'Every version kept.', payload: FileVersionList } },
  errors: ['not_found', 'not_a_file'],
} as const satisfies ApiRoute;

export const getFileVersionContentRoute = {
  method: 'get',
  path: '/files/{id}/versions/{versionId}/content',
  service: 'storage',
  operationId: 'getFileVersionContent',
  summary: 'Download a version',
  tags,
  permission: read,
  params: [fileId, versionId, ...rangeParams],
  responses: { 200: content, 206: partialContent, 304: { description: 'The ETag given still matches.' } },
  errors: ['not_found', 'not_a_file', 'range_not_satisfiable'],
} as const satisfies ApiRoute;

export const restoreFileVersionRoute = {
  method: 'post',
  path: '/files/{id}/versions/{versionId}/restore',
  service: 'storage',
  operationId: 'restoreFileVersion',
  summary: 'Make a version the current content again; the current content becomes a version',
  tags,
  permission: write,
  params: [fileId, versionId],
  responses: { 200: { description: 'The file with the restored content.', payload: FileDoc } },
  errors: ['in_trash', 'not_found', 'not_a_file'],
} as const satisfies ApiRoute;

export const deleteFileVersionRoute = {
  method: 'delete',
  path: '/files/{id}/versions/{versionId}',
  service: 'storage',
  operationId: 'deleteFileVersion',
  summary: 'Delete a version for good',
  tags,
  permission: write,
  params: [fileId, versionId],
  responses: { 204: { description: 'Deleted, its room freed.' } },
  errors: ['not_found', 'not_a_file'],
} as const satisfies ApiRoute;

export const versionRoutes: readonly ApiRoute[] = [overwriteFileRoute, listFileVersionsRoute, getFileVersionContentRoute, restoreFileVersionRoute, deleteFileVersionRoute];
