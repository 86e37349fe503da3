import { Document, DocumentListing } from '@mytoutatice/contract';
import type { CallOptions, PageOptions, Transport } from './transport.ts';

export type DocumentsResource = {
  list(doctype: string, options?: PageOptions): Promise<DocumentListing>;
  /** Sends `{ data }`; the server adds id, rev and dates. */
  create(doctype: string, data: Readonly<Record<string, unknown>>, options?: CallOptions): Promise<Document>;
  get(doctype: string, id: string, options?: CallOptions): Promise<Document>;
};

const path = (doctype: string) => `/api/data/${encodeURIComponent(doctype)}`;

export function createDocuments(transport: Transport): DocumentsResource {
  return {
    list: (doctype, { cursor, limit, signal } = {}) =>
      transport.request(path(doctype), DocumentListing, { query: { cursor, limit }, signal }),

    create: (doctype, data, { signal } = {}) =>
      transport.request(path(doctype), Document, { method: 'POST', json: { data }, signal }),

    get: (doctype, id, { signal } = {}) =>
      transport.request(`${path(doctype)}/${encodeURIComponent(id)}`, Document, { signal }),
  };
}
