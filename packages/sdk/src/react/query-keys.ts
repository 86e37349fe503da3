import type { FileSort, SortOrder } from '@mytoutatice/contract';
import type { DocumentQuery } from '../documents.ts';

/**
 * The keys of file data under `root`: one's own space at `['mytoutatice']`, what a sharing opens
 * at `['mytoutatice', 'sharing', <id>]`, so the two caches never mix (the same item id may be
 * listed both ways, with different rights).
 */
export function fileKeysUnder<const Root extends readonly unknown[]>(root: Root) {
  return {
    /** Prefix of everything in the scope. */
    scope: () => [...root] as const,
    /** Prefix of every single file or folder. */
    files: () => [...root, 'file'] as const,
    file: (id: string) => [...root, 'file', id] as const,
    /** Under the file's key: whatever refreshes the file refreshes its versions. */
    fileVersions: (id: string) => [...root, 'file', id, 'versions'] as const,
    /** Prefix of every folder listing. */
    folders: () => [...root, 'folder'] as const,
    /** Prefix of a folder's listings, whatever their sort. */
    folder: (id: string) => [...root, 'folder', id] as const,
    folderListing: (id: string, sort: FileSort, order: SortOrder) => [...root, 'folder', id, sort, order] as const,
    trash: () => [...root, 'trash'] as const,
    /** Prefix of every search. */
    searches: () => [...root, 'search'] as const,
    search: (q: string) => [...root, 'search', q] as const,
    recent: () => [...root, 'recent'] as const,
    favorites: () => [...root, 'favorites'] as const,
    /** Prefix of every list of notes (Markdown files of the Drive: any file change may move them). */
    notes: () => [...root, 'notes'] as const,
    noteList: (q: string) => [...root, 'notes', q] as const,
    /** The quota and its use: a file listing as far as refreshes go (any file change may move it). */
    usage: () => [...root, 'usage'] as const,
  };
}

export type FileKeys = ReturnType<typeof fileKeysUnder<readonly unknown[]>>;

/**
 * Every React Query key the sdk uses, in one place, so apps can invalidate or prefetch the same
 * data (`queryClient.invalidateQueries({ queryKey: queryKeys.folder(id) })`).
 */
export const queryKeys = {
  all: ['mytoutatice'] as const,
  me: () => ['mytoutatice', 'me'] as const,
  apps: () => ['mytoutatice', 'apps'] as const,
  appPasswords: () => ['mytoutatice', 'app-passwords'] as const,
  /** The public links one made to an item. */
  links: (itemId: string) => ['mytoutatice', 'links', itemId] as const,
  ...fileKeysUnder(['mytoutatice'] as const),
  /** The file keys of what a sharing opens (see `FilesScopeProvider`). */
  sharing: (id: string) => fileKeysUnder(['mytoutatice', 'sharing', id] as const),
  /** « Partages »: the sharings one has sent and received; also the prefix of each one. */
  sharings: () => ['mytoutatice', 'sharings'] as const,
  sharingDetail: (id: string) => ['mytoutatice', 'sharings', id] as const,
  /** Prefix of every search of the académie's directory. */
  peopleSearches: () => ['mytoutatice', 'people'] as const,
  people: (q: string) => ['mytoutatice', 'people', q] as const,
  /** Prefix of everything about a doctype: its listings and its documents. */
  documents: (doctype: string) => ['mytoutatice', 'documents', doctype] as const,
  documentListing: (doctype: string, query: DocumentQuery) => ['mytoutatice', 'documents', doctype, 'list', query] as const,
  document: (doctype: string, id: string) => ['mytoutatice', 'documents', doctype, 'document', id] as const,
};
