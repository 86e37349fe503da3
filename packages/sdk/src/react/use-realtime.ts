import type { ChangeBatch } from '@mytoutatice/contract';
import type { Query, QueryClient } from '@tanstack/react-query';
import type { Realtime } from '../realtime.ts';
import { queryKeys, type FileKeys } from './query-keys.ts';

const ROOT = queryKeys.all[0];
const DOCUMENTS = queryKeys.documents('')[1];

function documentsDoctype(query: Query): string | undefined {
  const [root, kind, doctype] = query.queryKey;
  return root === ROOT && kind === DOCUMENTS && typeof doctype === 'string' ? doctype : undefined;
}

/** Where a files scope keeps its data in the cache (`queryKeys` for one's own space, `queryKeys.sharing(id)`). */
export type RealtimeScopeKeys = FileKeys;

export type RealtimeCacheOptions = {
  /** The scope `realtime` follows, when it is not one's own space (`client.sharings.realtime(id)`). */
  keys?: RealtimeScopeKeys;
};

/**
 * The file listings of a scope (folders, trash, searches, recent, favourites, notes, usage), not single
 * files (refreshed by id) nor anything else kept under the same root (the person, apps, links…).
 */
function isListingUnder(keys: RealtimeScopeKeys): (query: Query) => boolean {
  const prefix = keys.scope();
  const kinds = new Set([keys.folders(), keys.trash(), keys.searches(), keys.recent(), keys.favorites(), keys.notes(), keys.usage()].map((key) => key[prefix.length]));
  return (query) => prefix.every((part, index) => query.queryKey[index] === part) && kinds.has(query.queryKey[prefix.length]);
}

/**
 * Keeps the page's React Query cache in step with the space: a change made in another tab, on
 * another device or over WebDAV refreshes what shows it, without a reload. Only queries on
 * screen are fetched again; the others are marked stale.
 *
 * Subscribes to every file change, and to each doctype as soon as a query lists it. A file change
 * refreshes that file and every file listing (folders, and any list of files): a move only names
 * the folder it went to, not the one it left. With `keys`, the same for a sharing's scope (files
 * only); when access through it changes (a new role, or none), everything in the scope is fetched
 * again, so the page shows what the new role allows, or that access is gone (404). Returns the
 * function that stops it.
 */
export function connectRealtimeToQueryClient(realtime: Realtime, queryClient: QueryClient, { keys }: RealtimeCacheOptions = {}): () => void {
  const cache = queryClient.getQueryCache();
  const isListing = isListingUnder(keys ?? queryKeys);
  const fileKey = (id: string) => [...(keys ?? queryKeys).file(id)];
  const follow = (query: Query) => {
    const doctype = documentsDoctype(query);
    if (doctype !== undefined) realtime.subscribe({ doctype });
  };
  realtime.subscribe({ files: true });
  // A sharing opens files only: no doctype to follow through it.
  if (!keys) cache.getAll().forEach(follow);
  const stopFollowing = cache.subscribe((event) => {
    if (event.type === 'added' && !keys) follow(event.query);
  });

  const stopListening = realtime.onChanges(({ changes }: ChangeBatch) => {
    const files = new Set<string>();
    const doctypes = new Set<string>();
    for (const change of changes) {
      if (change.kind === 'file') files.add(change.id);
      else if (change.doctype !== undefined) doctypes.add(change.doctype);
    }
    if (files.size > 0) {
      void queryClient.invalidateQueries({ predicate: isListing });
      for (const id of files) void queryClient.invalidateQueries({ queryKey: fileKey(id) });
    }
    for (const doctype of doctypes) void queryClient.invalidateQueries({ queryKey: queryKeys.documents(doctype) });
  });
  const stopAccess = realtime.onAccessChange(() => {
    void queryClient.invalidateQueries({ queryKey: keys ? [...keys.scope()] : queryKeys.all });
  });

  return () => {
    stopFollowing();
    stopListening();
    stopAccess();
  };
}
