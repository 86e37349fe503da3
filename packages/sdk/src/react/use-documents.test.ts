import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { Document } from '@mytoutatice/contract';
import { queryKeys } from './query-keys.ts';
import { refreshAfterDocumentDelete, refreshAfterDocumentUpdate } from './use-documents.ts';

const NOTES = 'io.mytoutatice.notes';
const note: Document = { id: 'n1', rev: '2-b', doctype: NOTES, data: { title: 'Maths' }, createdAt: '', updatedAt: '' };

function cache() {
  const queryClient = new QueryClient();
  const keys = {
    notes: queryKeys.documentListing(NOTES, {}),
    notesByTitle: queryKeys.documentListing(NOTES, { sort: 'title' }),
    n1: queryKeys.document(NOTES, 'n1'),
    contacts: queryKeys.documentListing('io.mytoutatice.contacts', {}),
    file: queryKeys.file('x'),
  };
  for (const key of Object.values(keys)) queryClient.setQueryData(key, {});
  const stale = () =>
    Object.entries(keys)
      .filter(([, key]) => queryClient.getQueryState(key)?.isInvalidated)
      .map(([name]) => name)
      .sort();
  return { queryClient, keys, stale };
}

describe(refreshAfterDocumentUpdate.name, () => {
  it('keeps the new revision and refreshes the doctype’s listings and document, nothing else', async () => {
    const { queryClient, keys, stale } = cache();
    await refreshAfterDocumentUpdate(queryClient, note);
    expect(stale()).toEqual(['n1', 'notes', 'notesByTitle']);
    expect(queryClient.getQueryData(keys.n1)).toEqual(note);
  });
});

describe(refreshAfterDocumentDelete.name, () => {
  it('drops the document and refreshes the doctype’s listings', async () => {
    const { queryClient, keys, stale } = cache();
    await refreshAfterDocumentDelete(queryClient, NOTES, 'n1');
    expect(queryClient.getQueryState(keys.n1)).toBeUndefined();
    expect(stale()).toEqual(['notes', 'notesByTitle']);
  });
});
