import { ReferencedFiles, ReferencesBody, ReferencingDocuments } from '../references.ts';
import { pageParams, pathParam, type ApiRoute } from './api-route.ts';

const tags = ['documents'];
const doctype = pathParam('doctype', 'Reverse-DNS doctype, e.g. `io.mytoutatice.photos.albums`.');
const documentId = pathParam('id', 'The document id.');
const path = '/data/{doctype}/{id}/references';
const changed = { description: 'Done; the document’s changes feed position moves (its references changed).' };

export const addReferencesRoute = {
  method: 'post',
  path,
  service: 'storage',
  operationId: 'addReferences',
  summary: 'Make a document reference files (a photo in an album, an image in a note)',
  description: 'Idempotent. All or nothing: one unknown file id and nothing is written.',
  tags,
  permission: { resource: 'documents', verb: 'write' },
  alsoFiles: 'read',
  bodyFileIds: 'fileIds',
  params: [doctype, documentId],
  body: ReferencesBody,
  responses: { 204: changed },
  errors: ['bad_request', 'not_found'],
} as const satisfies ApiRoute;

export const removeReferencesRoute = {
  method: 'delete',
  path,
  service: 'storage',
  operationId: 'removeReferences',
  summary: 'Make a document stop referencing files',
  description: 'A file not referenced is left as it is. All or nothing: one unknown file id and nothing is written.',
  tags,
  permission: { resource: 'documents', verb: 'write' },
  alsoFiles: 'read',
  bodyFileIds: 'fileIds',
  params: [doctype, documentId],
  body: ReferencesBody,
  responses: { 204: changed },
  errors: ['bad_request', 'not_found'],
} as const satisfies ApiRoute;

export const listReferencesRoute = {
  method: 'get',
  path,
  service: 'storage',
  operationId: 'listReferences',
  summary: 'List the files a document references',
  description: 'By file id; trashed files included (with `trashedAt`).',
  tags,
  permission: { resource: 'documents', verb: 'read' },
  alsoFiles: 'read',
  params: [doctype, documentId, ...pageParams],
  responses: { 200: { description: 'One page of the referenced files.', payload: ReferencedFiles } },
  errors: ['bad_request', 'not_found'],
} as const satisfies ApiRoute;

export const listReferencingDocumentsRoute = {
  method: 'get',
  path: '/files/{id}/referenced-by',
  service: 'storage',
  operationId: 'listReferencingDocuments',
  summary: 'List the documents that reference a file',
  description: 'Only documents of the doctypes the token may read.',
  tags: ['files'],
  permission: { resource: 'files', verb: 'read' },
  params: [pathParam('id', 'The file or folder id.'), ...pageParams],
  responses: { 200: { description: 'One page, by doctype then id.', payload: ReferencingDocuments } },
  errors: ['bad_request', 'not_found'],
} as const satisfies ApiRoute;

export const referenceRoutes: readonly ApiRoute[] = [addReferencesRoute, removeReferencesRoute, listReferencesRoute, listReferencingDocumentsRoute];
