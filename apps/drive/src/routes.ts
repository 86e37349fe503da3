import type { FileSort, SortOrder } from '@mytoutatice/contract';
import { ROOT_ID } from '@mytoutatice/sdk';

const FOLDER_PREFIX = '/drive/dossier/';
const SHARED_PREFIX = '/drive/partages/';

/** The Drive's screens, each at its own address so that a link (or back) opens it. */
export type DriveView =
  | { kind: 'folder'; id: string }
  | { kind: 'recent' }
  | { kind: 'favorites' }
  | { kind: 'shared' }
  /** What a sharing opens, in place: its item (`folderId` null) or a folder inside it. */
  | { kind: 'sharing'; sharingId: string; folderId: string | null }
  | { kind: 'trash' };

const FIXED = {
  '/drive/recents': { kind: 'recent' },
  '/drive/favoris': { kind: 'favorites' },
  '/drive/partages': { kind: 'shared' },
  '/drive/corbeille': { kind: 'trash' },
} as const satisfies Record<string, DriveView>;

export const viewPaths = {
  recent: '/drive/recents',
  favorites: '/drive/favoris',
  shared: '/drive/partages',
  trash: '/drive/corbeille',
} as const;

export function viewFromPath(pathname: string): DriveView {
  const path = pathname.replace(/\/+$/, '');
  const fixed = FIXED[path as keyof typeof FIXED] as DriveView | undefined;
  return fixed ?? sharingViewFromPath(path) ?? { kind: 'folder', id: folderIdFromPath(pathname) };
}

/** `/drive/partages/<sharing>` and `/drive/partages/<sharing>/dossier/<folder>`; anything else below is the sharing itself. */
function sharingViewFromPath(path: string): DriveView | undefined {
  if (!path.startsWith(SHARED_PREFIX)) return undefined;
  const [sharing = '', word, folder = ''] = path.slice(SHARED_PREFIX.length).split('/').map(decodeURIComponent);
  if (sharing === '') return undefined;
  return { kind: 'sharing', sharingId: sharing, folderId: word === 'dossier' && folder !== '' ? folder : null };
}

/** A sharing opened in place; at `folderId` (a folder inside it) when given and not its item itself. */
export function sharingPath(sharingId: string, folderId: string | null = null, itemId: string | null = null): string {
  const base = `${SHARED_PREFIX}${encodeURIComponent(sharingId)}`;
  return folderId === null || folderId === itemId ? base : `${base}/dossier/${encodeURIComponent(folderId)}`;
}

/** `/drive` is the root folder, `/drive/dossier/<id>` any other: a link to a folder opens it. */
export function folderIdFromPath(pathname: string): string {
  if (!pathname.startsWith(FOLDER_PREFIX)) return ROOT_ID;
  const id = decodeURIComponent(pathname.slice(FOLDER_PREFIX.length).split('/')[0] ?? '');
  return id === '' ? ROOT_ID : id;
}

export function folderPath(id: string): string {
  return id === ROOT_ID ? '/drive' : `${FOLDER_PREFIX}${encodeURIComponent(id)}`;
}

export type ListingSort = { sort: FileSort; order: SortOrder };

const SORTS: readonly FileSort[] = ['name', 'updated', 'size'];

/** `?tri=size&ordre=desc`: the sort travels with the folder's link; by name, ascending, when absent. */
export function sortFromSearch(search: string): ListingSort {
  const params = new URLSearchParams(search);
  const sort = SORTS.find((s) => s === params.get('tri')) ?? 'name';
  return { sort, order: params.get('ordre') === 'desc' ? 'desc' : 'asc' };
}

export function sortSearch({ sort, order }: ListingSort): string {
  return sort === 'name' && order === 'asc' ? '' : `?${new URLSearchParams({ tri: sort, ordre: order }).toString()}`;
}

/** `?q=paie janvier`: the search travels with the address, so Back and bookmarks bring it back. */
export function searchQueryFrom(search: string): string {
  return new URLSearchParams(search).get('q') ?? '';
}

/** The query string `search` with the search set to `text` (dropped when empty), its other parameters kept. */
export function withSearchQuery(search: string, text: string): string {
  const params = new URLSearchParams(search);
  if (text === '') params.delete('q');
  else params.set('q', text);
  const next = params.toString();
  return next === '' ? '' : `?${next}`;
}
