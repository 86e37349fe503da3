import { randomUUID } from 'node:crypto';
import { ROOT_ID, type FileDoc } from '@mytoutatice/contract';
import { bumpSeq } from '../changes/write-seq.ts';
import { freeName, resolveName, sortKey } from './file-names.ts';
import { PathResolver } from './file-paths.ts';
import { getFile, getMovable, insertFile, newRow, toFileDoc } from './file-rows.ts';
import { subtree } from './subtree.ts';
import type { SqlDb } from '@mytoutatice/sql';

const RESTORE_TOP = `UPDATE files SET parent_id = ?, name = ?, sort_key = ?, trashed_at = NULL, restore_path = NULL,
  restore_name = NULL, seq = ? WHERE id = ?`;
const RESTORE_INSIDE = 'UPDATE files SET trashed_at = NULL, seq = ? WHERE id = ?';

/**
 * The live folder at `path` (`/A/B`), made where missing. Where a segment's name is taken by a
 * file, a free « nom (2) » folder stands in for it.
 */
async function ensureFolder(db: SqlDb, path: string): Promise<string> {
  let folderId = ROOT_ID;
  for (const segment of path.split('/').filter((part) => part !== '')) {
    const existing = await db.get('SELECT * FROM files WHERE parent_id = ? AND name = ?', folderId, segment);
    if (existing && existing.type === 'directory') {
      folderId = String(existing.id);
      continue;
    }
    const name = existing ? await freeName(db, folderId, segment) : segment;
    const folder = newRow({ id: randomUUID(), parentId: folderId, type: 'directory', name });
    await insertFile(db, folder, await bumpSeq(db));
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
export async function restoreFile(db: SqlDb, id: string): Promise<FileDoc> {
  return db.transaction(async () => {
    const row = await getMovable(db, id);
    const paths = new PathResolver(db);
    if (row.trashedAt === null) return toFileDoc(row, await paths.of(row));
    const original = await paths.of(row);
    const cut = original.lastIndexOf('/');
    const parentId = await ensureFolder(db, original.slice(0, cut));
    const name = await resolveName(db, parentId, original.slice(cut + 1), 'rename');
    await db.run(RESTORE_TOP, parentId, name, sortKey(name), await bumpSeq(db), row.id);
    for (const inside of (await subtree(db, row.id)).slice(1)) await db.run(RESTORE_INSIDE, await bumpSeq(db), inside.id);
    const restored = await getFile(db, row.id);
    return toFileDoc(restored, await new PathResolver(db).of(restored));
  });
}
