import type { FileSort, SortOrder } from '@mytoutatice/contract';
import { ROOT_ID } from '@mytoutatice/sdk';

const FOLDER_PREFIX = '/drive/dossier/';

/** The Drive's screens, each at its own address so that a link (or back) opens it. */
export type DriveView =
  | { kind: 'folder'; id: string }
  | { kind: 'recent' }
  | { kind: 'favorites' }
  | { kind: 'shared' }
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
  const fixed = FIXED[pathname.replace(/\/+$/, '') as keyof typeof FIXED] as DriveView | undefined;
  return fixed ?? { kind: 'folder', id: folderIdFromPath(pathname) };
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
