import { MAX_COPY_ITEMS, type FileDoc } from '@mytoutatice/contract';
import { HttpError } from '@mytoutatice/server-kit';
import { copyCalls, type CopyEnd } from './sharing-copy-calls.ts';

/** What will be copied: an item and, for a folder, what is in it, as the source showed it. */
type Planned = { doc: FileDoc; children: Planned[] };

type Count = { items: number; bytes: number; max: number };

/**
 * Walks the source first, listing only, so that a copy too large (items or bytes) is refused
 * before anything is written, and so that the copy is of one moment's tree (copying a folder
 * into itself cannot run forever).
 */
async function plan(source: CopyEnd, doc: FileDoc, count: Count): Promise<Planned> {
  if (++count.items > count.max) {
    throw new HttpError(413, 'too_many_items', `Une copie compte au plus ${count.max} fichiers et dossiers : copiez un dossier plus petit.`);
  }
  count.bytes += doc.size ?? 0;
  const children: Planned[] = [];
  if (doc.type === 'directory') {
    let cursor: string | null = null;
    do {
      const page = await copyCalls.children(source, doc.id, cursor);
      for (const item of page.items) children.push(await plan(source, item, count));
      cursor = page.next;
    } while (cursor !== null);
  }
  return { doc, children };
}

/** A folder under the top's name, or the next free « name (n) » the target offers. */
async function topFolder(target: CopyEnd, parentId: string, name: string): Promise<FileDoc> {
  try {
    return await copyCalls.createFolder(target, parentId, name);
  } catch (error) {
    const suggested = error instanceof HttpError && error.code === 'name_conflict' ? error.extras.suggestedName : undefined;
    if (suggested === undefined) throw error;
    return copyCalls.createFolder(target, parentId, suggested);
  }
}

/** Inside a folder just made, names cannot clash. */
async function copyInto(source: CopyEnd, target: CopyEnd, items: readonly Planned[], parentId: string): Promise<void> {
  for (const { doc, children } of items) {
    if (doc.type === 'directory') await copyInto(source, target, children, (await copyCalls.createFolder(target, parentId, doc.name)).id);
    else await copyCalls.copyContent(source, doc, target, parentId, 'fail');
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
export async function copySharedItem(source: CopyEnd, target: CopyEnd, itemId: string, folderId: string, maxItems = MAX_COPY_ITEMS): Promise<FileDoc> {
  const [item, folder] = await Promise.all([copyCalls.file(source, itemId), copyCalls.file(target, folderId)]);
  if (folder.type !== 'directory') throw new HttpError(400, 'not_a_folder', 'La destination doit être un dossier.');
  if (folder.trashedAt !== null) throw new HttpError(409, 'in_trash', 'Ce dossier est dans la corbeille.');
  const count: Count = { items: 0, bytes: 0, max: maxItems };
  const tree = await plan(source, item, count);
  const space = await copyCalls.instance(target);
  if (space.usedBytes + count.bytes > space.quotaBytes) {
    throw new HttpError(413, 'quota_exceeded', 'Votre espace n’a pas assez de place pour cette copie : rien n’a été copié.');
  }
  if (item.type !== 'directory') return copyCalls.copyContent(source, item, target, folder.id, 'rename');
  const top = await topFolder(target, folder.id, item.name);
  try {
    await copyInto(source, target, tree.children, top.id);
  } catch (error) {
    await copyCalls.destroy(target, top.id).catch(() => undefined);
    throw error;
  }
  return top;
}
