import { z } from 'zod';
import { TRASH_ID, type FileDoc, type FolderListing } from '@mytoutatice/contract';
import { decodeCursor } from '../http/pagination.ts';
import { bumpSeq } from '../changes/write-seq.ts';
import { resolveName, sortKey } from './file-names.ts';
import { PathResolver } from './file-paths.ts';
import { getFile, getMovable, toFileDoc } from './file-rows.ts';
import { locatedPage } from './located-page.ts';
import { subtree } from './subtree.ts';
import type { SqlDb } from '@mytoutatice/sql';

const TRASH_TOP = `UPDATE files SET parent_id = ?, name = ?, sort_key = ?, trashed_at = ?, restore_path = ?,
  restore_name = ?, seq = ? WHERE id = ?`;
const TRASH_INSIDE = 'UPDATE files SET trashed_at = ?, seq = ? WHERE id = ?';

/**
 * `DELETE /files/:id`: into the trash, with what it held. The item moves under the hidden trash
 * folder (so live folders never hold trashed rows) and remembers its folder's path and its name,
 * which a same-named item already in the trash may have made « nom (2) ». Everything below it is
 * marked trashed too, so search, recents and favourites skip it with one indexed condition.
 * Idempotent: trashing what is already in the trash changes nothing (the sdk retries DELETEs).
 */
export async function trashFile(db: SqlDb, id: string): Promise<FileDoc> {
  return db.transaction(async () => {
    const row = await getMovable(db, id);
    const paths = new PathResolver(db);
    if (row.trashedAt !== null) return toFileDoc(row, await paths.of(row));
    const now = new Date().toISOString();
    const restorePath = await paths.folder(row.parentId ?? '');
    const name = await resolveName(db, TRASH_ID, row.name, 'rename');
    await db.run(TRASH_TOP, TRASH_ID, name, sortKey(name), now, restorePath, row.name, await bumpSeq(db), row.id);
    for (const inside of (await subtree(db, row.id)).slice(1)) await db.run(TRASH_INSIDE, now, await bumpSeq(db), inside.id);
    const trashed = await getFile(db, row.id);
    return toFileDoc(trashed, await paths.of(trashed));
  });
}

/**
 * Trash listing position: when the last item seen was trashed, and its seq (a top item of the
 * trash cannot change until it leaves, so its seq is that of its trashing: ties keep that order).
 */
const TrashKey = z.tuple([z.string(), z.number().int()]);
const FIRST_PAGE = `SELECT * FROM files WHERE parent_id = ? AND trashed_at IS NOT NULL
  ORDER BY trashed_at DESC, seq DESC LIMIT ?`;
const PAGE_AFTER = `SELECT * FROM files WHERE parent_id = ? AND trashed_at IS NOT NULL AND (trashed_at, seq) < (?, ?)
  ORDER BY trashed_at DESC, seq DESC LIMIT ?`;

/** `GET /files/trash/children`: what was put in the trash, newest first, each with the path it came from. */
export async function listTrash(db: SqlDb, limit: number, cursor: unknown): Promise<FolderListing> {
  const after = decodeCursor(cursor, TrashKey);
  const rows = after ? await db.all(PAGE_AFTER, TRASH_ID, ...after, limit + 1) : await db.all(FIRST_PAGE, TRASH_ID, limit + 1);
  return {
    folder: toFileDoc(await getFile(db, TRASH_ID)),
    ...(await locatedPage(db, rows, limit, (last) => [String(last.trashed_at), Number(last.seq)])),
  };
}
