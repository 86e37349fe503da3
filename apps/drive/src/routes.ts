import { ROOT_ID } from '@mytoutatice/sdk';

const FOLDER_PREFIX = '/drive/dossier/';

/** `/drive` is the root folder, `/drive/dossier/<id>` any other: a link to a folder opens it. */
export function folderIdFromPath(pathname: string): string {
  if (!pathname.startsWith(FOLDER_PREFIX)) return ROOT_ID;
  const id = decodeURIComponent(pathname.slice(FOLDER_PREFIX.length).split('/')[0] ?? '');
  return id === '' ? ROOT_ID : id;
}

export function folderPath(id: string): string {
  return id === ROOT_ID ? '/drive' : `${FOLDER_PREFIX}${encodeURIComponent(id)}`;
}
