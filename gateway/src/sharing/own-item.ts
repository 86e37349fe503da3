import type { Response } from 'express';
import { ROOT_ID, TRASH_ID, getFileRoute } from '@mytoutatice/contract';
import { HttpError, badRequest } from '@mytoutatice/server-kit';
import { currentUser } from '../auth/authenticate.ts';
import type { Directory, DirectoryEntry } from '../directory/directory.ts';
import type { StorageClient } from '../storage-client/storage-client.ts';
import { noSpace } from '../proxy/resolve-caller.ts';
import type { SharedItemKind } from './sharing-store.ts';

export type OwnItem = { owner: DirectoryEntry; itemKind: SharedItemKind; itemName: string };

/** The caller's own space (403 no_space before onboarding). */
export async function mySpace(directory: Directory, res: Response): Promise<DirectoryEntry> {
  const space = await directory.find(currentUser(res).sub);
  if (!space) throw noSpace();
  return space;
}

/**
 * One of the caller's own files or folders, to share or link: asked of their own storage with
 * their own token, so nobody can open what is not theirs. Not the whole space, not in the trash.
 */
export async function ownItem(deps: { directory: Directory; storage: StorageClient }, res: Response, itemId: string): Promise<OwnItem> {
  const owner = await mySpace(deps.directory, res);
  if (itemId === ROOT_ID || itemId === TRASH_ID) throw badRequest('Partagez un dossier ou un fichier, pas tout votre espace.');
  const item = await deps.storage.call(deps.storage.asOwner(owner), getFileRoute, { params: { id: itemId } });
  if (item.trashedAt != null) throw new HttpError(409, 'in_trash', 'Cet élément est dans la corbeille.');
  return { owner, itemKind: item.type === 'directory' ? 'folder' : 'file', itemName: item.name };
}
