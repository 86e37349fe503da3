import {
  MAX_COPY_ITEMS,
  createFolderRoute,
  deleteFileRoute,
  getFileContentRoute,
  getFileRoute,
  getInstanceRoute,
  listFolderRoute,
  uploadFileRoute,
  type FileDoc,
  type FolderListing,
} from '@mytoutatice/contract';
import { HttpError } from '@mytoutatice/server-kit';
import type { StorageClient, StorageTarget } from '../storage-client/storage-client.ts';

/** What will be copied: an item and, for a folder, what is in it, as the source showed it. */
type Planned = { doc: FileDoc; children: Planned[] };

type Count = { items: number; bytes: number; max: number };

/**
 * Walks the source first, listing only, so that a copy too large (items or bytes) is refused
 * before anything is written, and so that the copy is of one moment's tree (copying a folder
 * into itself cannot run forever).
 */
async function plan(storage: StorageClient, source: StorageTarget, doc: FileDoc, count: Count): Promise<Planned> {
  if (++count.items > count.max) {
    throw new HttpError(413, 'too_many_items', `Une copie compte au plus ${count.max} fichiers et dossiers : copiez un dossier plus petit.`);
  }
  count.bytes += doc.size ?? 0;
  const children: Planned[] = [];
  if (doc.type === 'directory') {
    let cursor: string | null = null;
    do {
      const page: FolderListing = await storage.call(source, listFolderRoute, { params: { id: doc.id }, query: { limit: 1000, cursor: cursor ?? undefined } });
      for (const item of page.items) children.push(await plan(storage, source, item, count));
      cursor = page.next;
    } while (cursor !== null);
  }
  return { doc, children };
}

/** A folder under the top's name, or the next free « name (n) » the target offers. */
async function topFolder(storage: StorageClient, target: StorageTarget, parentId: string, name: string): Promise<FileDoc> {
  try {
    return await createFolder(storage, target, parentId, name);
  } catch (error) {
    const suggested = error instanceof HttpError && error.code === 'name_conflict' ? error.extras.suggestedName : undefined;
    if (suggested === undefined) throw error;
    return createFolder(storage, target, parentId, suggested);
  }
}

function createFolder(storage: StorageClient, target: StorageTarget, parentId: string, name: string): Promise<FileDoc> {
  return storage.call(target, createFolderRoute, { params: { parentId }, body: { name } });
}

/**
 * Streams a file's content from one side into a new file on the other, never holding it whole:
 * the announced length and the source's SHA-256 go along, so the target refuses what differs.
 */
async function copyContent(storage: StorageClient, from: StorageTarget, file: FileDoc, to: StorageTarget, parentId: string, conflict: 'fail' | 'rename'): Promise<FileDoc> {
  const content = await storage.content(from, getFileContentRoute, { params: { id: file.id } });
  const headers: Record<string, string> = {};
  const length = content.headers.get('content-length');
  if (length !== null) headers['content-length'] = length;
  if (file.sha256 !== null) headers['content-digest'] = `sha-256=:${Buffer.from(file.sha256, 'hex').toString('base64')}:`;
  try {
    return await storage.call(to, uploadFileRoute, { params: { parentId }, query: { name: file.name, conflict } }, { body: content.body, headers });
  } finally {
    // A refused upload may leave the download unread: end it rather than let it hang (a
    // stream the upload took is locked, and the cancel refused).
    await content.body?.cancel().catch(() => undefined);
  }
}

/** Trashes an item, then destroys it for good (the copy left half-done). */
async function destroy(storage: StorageClient, target: StorageTarget, id: string): Promise<void> {
  await storage.call(target, deleteFileRoute, { params: { id } });
  await storage.call(target, deleteFileRoute, { params: { id }, query: { forever: 'true' } });
}

/** Inside a folder just made, names cannot clash. */
async function copyInto(storage: StorageClient, source: StorageTarget, target: StorageTarget, items: readonly Planned[], parentId: string): Promise<void> {
  for (const { doc, children } of items) {
    if (doc.type === 'directory') await copyInto(storage, source, target, children, (await createFolder(storage, target, parentId, doc.name)).id);
    else await copyContent(storage, source, doc, target, parentId, 'fail');
  }
}

/**
 * Copies `itemId` (through what `source` opens: a sharing, limited to its item and to the
 * member's own files for a « dépôt ») into `folderId` of `target`, a file's bytes streamed from
 * one node to the other. A name taken in `folderId` gets the next free one. Refused before any
 * write: more than MAX_COPY_ITEMS items (413 `too_many_items`), more bytes than the target has
 * room for (413 `quota_exceeded`). Should it fail midway anyway (the space filled meanwhile, a
 * node down), what was copied is destroyed: a half-copied folder would pass for the whole one.
 */
export async function copySharedItem(
  storage: StorageClient,
  source: StorageTarget,
  target: StorageTarget,
  itemId: string,
  folderId: string,
  maxItems = MAX_COPY_ITEMS,
): Promise<FileDoc> {
  const file = (end: StorageTarget, id: string) => storage.call(end, getFileRoute, { params: { id } });
  const [item, folder] = await Promise.all([file(source, itemId), file(target, folderId)]);
  if (folder.type !== 'directory') throw new HttpError(400, 'not_a_folder', 'La destination doit être un dossier.');
  if (folder.trashedAt !== null) throw new HttpError(409, 'in_trash', 'Ce dossier est dans la corbeille.');
  const count: Count = { items: 0, bytes: 0, max: maxItems };
  const tree = await plan(storage, source, item, count);
  const space = await storage.call(target, getInstanceRoute, {});
  if (space.usedBytes + count.bytes > space.quotaBytes) {
    throw new HttpError(413, 'quota_exceeded', 'Votre espace n’a pas assez de place pour cette copie : rien n’a été copié.');
  }
  if (item.type !== 'directory') return copyContent(storage, source, item, target, folder.id, 'rename');
  const top = await topFolder(storage, target, folder.id, item.name);
  try {
    await copyInto(storage, source, target, tree.children, top.id);
  } catch (error) {
    await destroy(storage, target, top.id).catch(() => undefined);
    throw error;
  }
  return top;
}
