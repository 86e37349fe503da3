import type { FileSort, SortOrder } from '@mytoutatice/contract';
import type { DocumentQuery } from '../documents.ts';

/**
 * Every React Query key the sdk uses, in one place, so apps can invalidate or prefetch the same
 * data (`queryClient.invalidateQueries({ queryKey: queryKeys.folder(id) })`).
 */
export const queryKeys = {
  all: ['mytoutatice'] as const,
  me: () => ['mytoutatice', 'me'] as const,
  apps: () => ['mytoutatice', 'apps'] as const,
  appPasswords: () => ['mytoutatice', 'app-passwords'] as const,
  /** The quota and its use: a file listing as far as refreshes go (any file change may move it). */
  usage: () => ['mytoutatice', 'usage'] as const,
  /** Prefix of every single file or folder. */
  files: () => ['mytoutatice', 'file'] as const,
  file: (id: string) => ['mytoutatice', 'file', id] as const,
  /** Under the file's key: whatever refreshes the file refreshes its versions. */
  fileVersions: (id: string) => ['mytoutatice', 'file', id, 'versions'] as const,
  /** Prefix of every folder listing. */
  folders: () => ['mytoutatice', 'folder'] as const,
  /** Prefix of a folder's listings, whatever their sort. */
  folder: (id: string) => ['mytoutatice', 'folder', id] as const,
  folderListing: (id: string, sort: FileSort, order: SortOrder) => ['mytoutatice', 'folder', id, sort, order] as const,
  trash: () => ['mytoutatice', 'trash'] as const,
  /** Prefix of every search. */
  searches: () => ['mytoutatice', 'search'] as const,
  search: (q: string) => ['mytoutatice', 'search', q] as const,
  recent: () => ['mytoutatice', 'recent'] as const,
  favorites: () => ['mytoutatice', 'favorites'] as const,
  /** Prefix of everything about a doctype: its listings and its documents. */
  documents: (doctype: string) => ['mytoutatice', 'documents', doctype] as const,
  documentListing: (doctype: string, query: DocumentQuery) => ['mytoutatice', 'documents', doctype, 'list', query] as const,
  document: (doctype: string, id: string) => ['mytoutatice', 'documents', doctype, 'document', id] as const,
};
