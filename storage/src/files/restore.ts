import { randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { ROOT_ID, type FileDoc } from '@mytoutatice/contract';
import { bumpSeq, transaction } from '../instances/instance-db.ts';
import { prepared } from '../instances/prepared.ts';
import { freeName, resolveName, sortKey } from './file-names.ts';
import { PathResolver } from './file-paths.ts';
import { getFile, getMovable, insertFile, newRow, toFileDoc } from './file-rows.ts';
import { subtree } from './subtree.ts';

const RESTORE_TOP = `UPDATE files SET parent_id = ?, name = ?, sort_key = ?, trashed_at = NULL, restore_path = NULL,
  restore_name = NULL, seq = ? WHERE id = ?`;
const RESTORE_INSIDE = 'UPDATE files SET trashed_at = NULL, seq = ? WHERE id = ?';

/**
 * The live folder at `path` (`/A/B`), made where missing. Where a segment's name is taken by a
 * file, a free « nom (2) » folder stands in for it.
 */
function ensureFolder(db: DatabaseSync, path: string): string {
  let folderId = ROOT_ID;
  for (const segment of path.split('/').filter((part) => part !== '')) {
    const existing = prepared(db, 'SELECT * FROM files WHERE parent_id = ? AND name = ?').get(folderId, segment);
    if (existing && existing.type === 'directory') {
      folderId = String(existing.id);
      continue;
    }
    const name = existing ? freeName(db, folderId, segment) : segment;
    const folder = newRow({ id: randomUUID(), parentId: folderId, type: 'directory', name });
    insertFile(db, folder, bumpSeq(db));
    folderId = folder.id;
  }
  return folderId;
}

/**
 * `POST /files/:id/restore`: back where it was, folders on the way made again if they have been
 * destroyed or trashed since, the name suffixed (« rapport (2).pdf ») if it is taken there now.
 * Also works for an item inside a trashed folder: it alone comes back, to the same path.
 * Restoring what is not in the trash changes nothing.
 */
export function restoreFile(db: DatabaseSync, id: string): FileDoc {
  return transaction(db, () => {
    const row = getMovable(db, id);
    const paths = new PathResolver(db);
    if (row.trashedAt === null) return toFileDoc(row, paths.of(row));
    const original = paths.of(row);
    const cut = original.lastIndexOf('/');
    const parentId = ensureFolder(db, original.slice(0, cut));
    const name = resolveName(db, parentId, original.slice(cut + 1), 'rename');
    prepared(db, RESTORE_TOP).run(parentId, name, sortKey(name), bumpSeq(db), row.id);
    for (const inside of subtree(db, row.id).slice(1)) prepared(db, RESTORE_INSIDE).run(bumpSeq(db), inside.id);
    const restored = getFile(db, row.id);
    return toFileDoc(restored, new PathResolver(db).of(restored));
  });
}
