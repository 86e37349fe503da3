import { createDocumentRoute, deleteDocumentRoute, getDocumentRoute, listDocumentsRoute, updateDocumentRoute } from '@mytoutatice/contract';
import type { Document, DocumentFilterOp, DocumentListing, SortOrder } from '@mytoutatice/contract';
import type { CallOptions, PageOptions, Transport } from './transport.ts';

/** One `?where=` condition, on a field the doctype declares (`queryableFields` in the contract). */
export type DocumentFilter = { field: string; op: DocumentFilterOp; value: string };

/** Filter and sort of a listing; without `sort`, documents come in creation order. */
export type DocumentQuery = { where?: DocumentFilter | undefined; sort?: string | undefined; order?: SortOrder | undefined };

export type DocumentListOptions = PageOptions & DocumentQuery;

export type DocumentsResource = {
  list(doctype: string, options?: DocumentListOptions): Promise<DocumentListing>;
  /** Sends `{ data }`; the server adds id, rev and dates. */
  create(doctype: string, data: Readonly<Record<string, unknown>>, options?: CallOptions): Promise<Document>;
  get(doctype: string, id: string, options?: CallOptions): Promise<Document>;
  /** Replaces `data` if the document is still at `rev`; else ApiError 409 `revision_conflict`. */
  update(doctype: string, id: string, rev: string, data: Readonly<Record<string, unknown>>, options?: CallOptions): Promise<Document>;
  /** Deletes the document if it is still at `rev`; else ApiError 409 `revision_conflict`. */
  remove(doctype: string, id: string, rev: string, options?: CallOptions): Promise<void>;
};

const ifMatch = (rev: string) => ({ 'If-Match': `"${rev}"` });

export function createDocuments(transport: Transport): DocumentsResource {
  return {
    list: (doctype, { where, sort, order, cursor, limit, signal } = {}) =>
      transport.call(
        listDocumentsRoute,
        { params: { doctype }, query: { where: where && `${where.field}:${where.op}:${where.value}`, sort, order, cursor: cursor ?? undefined, limit } },
        { signal },
      ),

    create: (doctype, data, { signal } = {}) => transport.call(createDocumentRoute, { params: { doctype }, body: { data: { ...data } } }, { signal }),

    get: (doctype, id, { signal } = {}) => transport.call(getDocumentRoute, { params: { doctype, id } }, { signal }),

    update: (doctype, id, rev, data, { signal } = {}) =>
      transport.call(updateDocumentRoute, { params: { doctype, id }, body: { data: { ...data } } }, { headers: ifMatch(rev), signal }),

    remove: async (doctype, id, rev, { signal } = {}) => {
      await transport.call(deleteDocumentRoute, { params: { doctype, id } }, { headers: ifMatch(rev), signal });
    },
  };
}
