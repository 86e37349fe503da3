import type { ChangeBatch } from '@mytoutatice/contract';
import type { Query, QueryClient } from '@tanstack/react-query';
import type { Realtime } from '../realtime.ts';
import { queryKeys } from './query-keys.ts';

const ROOT = queryKeys.all[0];
const DOCUMENTS = queryKeys.documents('')[1];
/**
 * Kinds of keys under ROOT that a file change leaves alone (a single file is refreshed by id).
 * What a sharing opens is someone else's space: one's own feed says nothing about it.
 */
const NOT_FILE_DATA = new Set<unknown>([
  queryKeys.me()[1],
  queryKeys.apps()[1],
  queryKeys.appPasswords()[1],
  DOCUMENTS,
  queryKeys.file('')[1],
  queryKeys.sharing('').file('')[1],
  queryKeys.sharings()[1],
  queryKeys.peopleSearches()[1],
]);

function isFileData(query: Query): boolean {
  const [root, kind] = query.queryKey;
  return root === ROOT && !NOT_FILE_DATA.has(kind);
}

function documentsDoctype(query: Query): string | undefined {
  const [root, kind, doctype] = query.queryKey;
  return root === ROOT && kind === DOCUMENTS && typeof doctype === 'string' ? doctype : undefined;
}

/**
 * Keeps the page's React Query cache in step with the space: a change made in another tab, on
 * another device or over WebDAV refreshes what shows it, without a reload. Only queries on
 * screen are fetched again; the others are marked stale.
 *
 * Subscribes to every file change, and to each doctype as soon as a query lists it. A file change
 * refreshes that file and every file listing (folders, and any list of files): a move only names
 * the folder it went to, not the one it left. Returns the function that stops it.
 */
export function connectRealtimeToQueryClient(realtime: Realtime, queryClient: QueryClient): () => void {
  const cache = queryClient.getQueryCache();
  const follow = (query: Query) => {
    const doctype = documentsDoctype(query);
    if (doctype !== undefined) realtime.subscribe({ doctype });
  };
  realtime.subscribe({ files: true });
  cache.getAll().forEach(follow);
  const stopFollowing = cache.subscribe((event) => {
    if (event.type === 'added') follow(event.query);
  });

  const stopListening = realtime.onChanges(({ changes }: ChangeBatch) => {
    const files = new Set<string>();
    const doctypes = new Set<string>();
    for (const change of changes) {
      if (change.kind === 'file') files.add(change.id);
      else if (change.doctype !== undefined) doctypes.add(change.doctype);
    }
    if (files.size > 0) {
      void queryClient.invalidateQueries({ predicate: isFileData });
      for (const id of files) void queryClient.invalidateQueries({ queryKey: queryKeys.file(id) });
    }
    for (const doctype of doctypes) void queryClient.invalidateQueries({ queryKey: queryKeys.documents(doctype) });
  });

  return () => {
    stopFollowing();
    stopListening();
  };
}
