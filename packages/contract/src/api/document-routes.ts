import * as z from 'zod/mini';
import { Document, DocumentBody, DocumentListing } from '../documents.ts';
import { SortOrder } from '../files.ts';
import { headerParam, pageParams, pathParam, queryParam, type ApiRoute } from './api-route.ts';

const read = { resource: 'documents', verb: 'read' } as const;
const write = { resource: 'documents', verb: 'write' } as const;
const tags = ['documents'];

const doctype = pathParam('doctype', 'Reverse-DNS doctype, e.g. `io.mytoutatice.notes`.');
const documentId = pathParam('id', 'The document id.');
const ifMatch = headerParam('If-Match', 'The ETag (revision) being replaced; required, `*` refused.', z.string(), true);
const withEtag = { ETag: 'The revision, to send back in `If-Match`.' };

export const listDocumentsRoute = {
  method: 'get',
  path: '/data/{doctype}',
  service: 'storage',
  operationId: 'listDocuments',
  summary: 'List or query the documents of a doctype',
  description: 'Filters and sorts only on the indexed fields the contract declares for the doctype (`queryableFields`).',
  tags,
  permission: read,
  params: [
    doctype,
    queryParam('where', '`<field>:<eq|prefix|gt|lt>:<value>`, compared as text.', z.string()),
    queryParam('sort', 'A declared field; creation order when absent.', z.string()),
    queryParam('order', '`asc` when absent.', SortOrder),
    ...pageParams,
  ],
  responses: { 200: { description: 'One page of documents.', payload: DocumentListing } },
  errors: ['bad_request'],
} as const satisfies ApiRoute;

export const createDocumentRoute = {
  method: 'post',
  path: '/data/{doctype}',
  service: 'storage',
  operationId: 'createDocument',
  summary: 'Create a document',
  description: 'First-party doctypes are checked against their schema (`documentSchemas`).',
  tags,
  permission: write,
  params: [doctype],
  body: DocumentBody,
  responses: { 201: { description: 'The new document.', payload: Document, headers: withEtag } },
  errors: ['bad_request', 'payload_too_large', 'unsupported_media_type'],
} as const satisfies ApiRoute;

export const getDocumentRoute = {
  method: 'get',
  path: '/data/{doctype}/{id}',
  service: 'storage',
  operationId: 'getDocument',
  summary: 'Get a document',
  tags,
  permission: read,
  params: [doctype, documentId, headerParam('If-None-Match', 'An ETag already held: 304 when it still matches.')],
  responses: {
    200: { description: 'The document.', payload: Document, headers: withEtag },
    304: { description: 'The ETag given still matches.' },
  },
  errors: ['bad_request', 'not_found'],
} as const satisfies ApiRoute;

export const updateDocumentRoute = {
  method: 'put',
  path: '/data/{doctype}/{id}',
  service: 'storage',
  operationId: 'updateDocument',
  summary: 'Replace a document’s data',
  tags,
  permission: write,
  params: [doctype, documentId, ifMatch],
  body: DocumentBody,
  responses: { 200: { description: 'The document, with its new revision.', payload: Document, headers: withEtag } },
  errors: ['bad_request', 'not_found', 'revision_conflict', 'precondition_required', 'payload_too_large', 'unsupported_media_type'],
} as const satisfies ApiRoute;

export const deleteDocumentRoute = {
  method: 'delete',
  path: '/data/{doctype}/{id}',
  service: 'storage',
  operationId: 'deleteDocument',
  summary: 'Delete a document',
  tags,
  permission: write,
  params: [doctype, documentId, ifMatch],
  responses: { 204: { description: 'Deleted.' } },
  errors: ['bad_request', 'not_found', 'revision_conflict', 'precondition_required'],
} as const satisfies ApiRoute;

export const documentRoutes: readonly ApiRoute[] = [listDocumentsRoute, createDocumentRoute, getDocumentRoute, updateDocumentRoute, deleteDocumentRoute];
