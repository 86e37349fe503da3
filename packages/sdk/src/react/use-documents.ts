import type { Document, DocumentListing } from '@mytoutatice/contract';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ApiError } from '../api-error.ts';
import type { DocumentQuery } from '../documents.ts';
import { usePaged } from './use-paged.ts';
import { useClient } from './provider.tsx';
import { queryKeys } from './query-keys.ts';

/**
 * Documents of a doctype, filtered and sorted on its declared fields when `query` says so;
 * `hasNextPage` / `fetchNextPage()` load the following pages.
 */
export function useDocuments(doctype: string, query: DocumentQuery = {}) {
  const client = useClient();
  return usePaged<DocumentListing>(queryKeys.documentListing(doctype, query), (cursor, signal) =>
    client.documents.list(doctype, { ...query, cursor, signal }),
  );
}

/** One document; its `rev` is what `useUpdateDocument` and `useDeleteDocument` need. */
export function useDocument(doctype: string, id: string) {
  const client = useClient();
  return useQuery<Document, ApiError>({
    queryKey: queryKeys.document(doctype, id),
    queryFn: ({ signal }) => client.documents.get(doctype, id, { signal }),
  });
}

/** `mutate(data)`; the doctype's listings are refreshed on success. */
export function useCreateDocument(doctype: string) {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation<Document, ApiError, Readonly<Record<string, unknown>>>({
    mutationFn: (data) => client.documents.create(doctype, data),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.documents(doctype) }),
  });
}

export type UpdateDocumentVariables = { id: string; rev: string; data: Readonly<Record<string, unknown>> };
export type DeleteDocumentVariables = { id: string; rev: string };

/** After an update: the new document in the cache, the doctype's listings and that document refreshed. */
export async function refreshAfterDocumentUpdate(queryClient: QueryClient, document: Document): Promise<void> {
  queryClient.setQueryData(queryKeys.document(document.doctype, document.id), document);
  await queryClient.invalidateQueries({ queryKey: queryKeys.documents(document.doctype) });
}

/** After a delete: the document dropped from the cache (not fetched again into a 404), listings refreshed. */
export async function refreshAfterDocumentDelete(queryClient: QueryClient, doctype: string, id: string): Promise<void> {
  queryClient.removeQueries({ queryKey: queryKeys.document(doctype, id) });
  await queryClient.invalidateQueries({ queryKey: queryKeys.documents(doctype) });
}

/** `mutate({ id, rev, data })`; a stale `rev` fails with ApiError 409 `revision_conflict`. */
export function useUpdateDocument(doctype: string) {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation<Document, ApiError, UpdateDocumentVariables>({
    mutationFn: ({ id, rev, data }) => client.documents.update(doctype, id, rev, data),
    onSuccess: (document) => refreshAfterDocumentUpdate(queryClient, document),
  });
}

/** `mutate({ id, rev })`; a stale `rev` fails with ApiError 409 `revision_conflict`. */
export function useDeleteDocument(doctype: string) {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation<void, ApiError, DeleteDocumentVariables>({
    mutationFn: ({ id, rev }) => client.documents.remove(doctype, id, rev),
    onSuccess: (_, { id }) => refreshAfterDocumentDelete(queryClient, doctype, id),
  });
}
