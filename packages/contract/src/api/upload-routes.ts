import * as z from 'zod/mini';
import { headerParam, pathParam, type ApiRoute } from './api-route.ts';

const write = { resource: 'files', verb: 'write' } as const;
const tags = ['uploads'];
const tus = headerParam('Tus-Resumable', '`1.0.0`: every request but OPTIONS carries it (tus 1.0).', z.literal('1.0.0'), true);
const uploadId = pathParam('id', 'The upload, as in the `Location` of its creation.');
const offset = headerParam('Upload-Offset', 'Bytes the server has; a PATCH must start there.', z.string(), true);
const fileId = { 'X-File-Id': 'On the request that completed the upload: the id of the file it became.' };

export const createUploadRoute = {
  method: 'post',
  path: '/uploads',
  service: 'storage',
  operationId: 'createUpload',
  summary: 'Start a resumable upload (tus creation, optionally with its first bytes)',
  description:
    '`Upload-Length` is required (no deferred length). `Upload-Metadata`: `filename` (required), `parent` (folder id, `root` by default), `conflict` (`fail`|`rename`), `sha256` (hex of the whole file, checked at the end). Size, folder, name and quota are checked before any byte. A body (`application/offset+octet-stream`) is at most 64 MiB. Unfinished uploads expire after 24 h (`Upload-Expires`).',
  tags,
  permission: write,
  params: [
    tus,
    headerParam('Upload-Length', 'The whole file’s size in bytes.', z.string(), true),
    headerParam('Upload-Metadata', 'Comma-separated `key base64(value)` pairs; `filename` required.', z.string(), true),
  ],
  responses: {
    201: { description: 'Created; when the body completed it, the file exists.', headers: { Location: '`/api/uploads/<id>`', 'Upload-Offset': 'Bytes received.', 'Upload-Expires': 'When an unfinished upload is removed.', ...fileId } },
  },
  errors: ['bad_request', 'invalid_name', 'invalid_digest', 'not_found', 'not_a_folder', 'in_trash', 'name_conflict', 'payload_too_large', 'quota_exceeded', 'length_required', 'hash_mismatch'],
} as const satisfies ApiRoute;

export const getUploadOffsetRoute = {
  method: 'head',
  path: '/uploads/{id}',
  service: 'storage',
  operationId: 'getUploadOffset',
  summary: 'How many bytes of an upload the server has (tus HEAD)',
  tags,
  permission: write,
  params: [uploadId, tus],
  responses: { 200: { description: 'No body.', headers: { 'Upload-Offset': 'Bytes received, durable.', 'Upload-Length': 'The whole size.' } } },
  errors: ['not_found', 'upload_expired'],
} as const satisfies ApiRoute;

export const appendToUploadRoute = {
  method: 'patch',
  path: '/uploads/{id}',
  service: 'storage',
  operationId: 'appendToUpload',
  summary: 'Send the next bytes of an upload (tus PATCH), at most 64 MiB a request',
  description:
    '`Content-Type: application/offset+octet-stream` and `Content-Length` are required. The request that brings the last byte commits the file (mime sniffed, SHA-256 checked against the `sha256` metadata, quota and name checked again) and answers its id in `X-File-Id`; the upload is then gone.',
  tags,
  permission: write,
  params: [uploadId, tus, offset],
  body: 'binary',
  responses: { 204: { description: 'Appended.', headers: { 'Upload-Offset': 'Bytes received.', ...fileId } } },
  errors: ['bad_request', 'not_found', 'upload_offset_conflict', 'upload_expired', 'length_required', 'payload_too_large', 'hash_mismatch', 'name_conflict', 'quota_exceeded', 'in_trash'],
} as const satisfies ApiRoute;

export const terminateUploadRoute = {
  method: 'delete',
  path: '/uploads/{id}',
  service: 'storage',
  operationId: 'terminateUpload',
  summary: 'Abandon an upload and remove its bytes (tus termination)',
  tags,
  permission: write,
  params: [uploadId, tus],
  responses: { 204: { description: 'Removed.' } },
  errors: ['not_found'],
} as const satisfies ApiRoute;

/** tus 1.0 resumable uploads (creation, creation-with-upload, termination, expiration). */
export const uploadRoutes: readonly ApiRoute[] = [createUploadRoute, getUploadOffsetRoute, appendToUploadRoute, terminateUploadRoute];
