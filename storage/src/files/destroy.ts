import { TRASH_ID } from '@mytoutatice/contract';
import { badRequest } from '@mytoutatice/server-kit';
import { blobPath, writeTombstone, type InstancePaths } from '../instances/instance-db.ts';
import { removeBlobs } from './blobs.ts';
import { getMovable } from './file-rows.ts';
import { subtree } from './subtree.ts';
import type { SqlDb } from '../db/sql-db.ts';

/**
 * Deletes each item with everything below it (children first, for the parent references) and
 * writes a tombstone per row, for the changes feed; call inside a transaction. Returns the ids
 * of the files, whose blobs go once the transaction has committed.
 */
async function destroySubtrees(db: SqlDb, topIds: readonly string[]): Promise<string[]> {
  const fileIds: string[] = [];
  for (const topId of topIds) {
    for (const row of (await subtree(db, topId)).reverse()) {
      await db.run('DELETE FROM files WHERE id = ?', row.id);
      await writeTombstone(db, 'file', row.id);
      if (row.type === 'file') fileIds.push(row.id);
    }
  }
  return fileIds;
}

async function removeContent(paths: InstancePaths, fileIds: readonly string[]): Promise<void> {
  await removeBlobs(fileIds.map((id) => blobPath(paths, id)));
}

/**
 * `DELETE /files/:id?forever=true`: destroys an item of the trash (or inside a trashed folder)
 * for good. Only from the trash: one wrong click on a live folder must never lose it.
 */
export async function destroyFile(db: SqlDb, paths: InstancePaths, id: string): Promise<void> {
  const fileIds = await db.transaction(async () => {
    const row = await getMovable(db, id);
    if (row.trashedAt === null) throw badRequest('Seul un élément de la corbeille peut être supprimé définitivement.');
    return destroySubtrees(db, [row.id]);
  });
  await removeContent(paths, fileIds);
}

async function topsOfTrash(db: SqlDb, trashedBefore?: string): Promise<string[]> {
  const rows =
    trashedBefore === undefined
      ? await db.all('SELECT id FROM files WHERE parent_id = ?', TRASH_ID)
      : await db.all('SELECT id FROM files WHERE parent_id = ? AND trashed_at < ?', TRASH_ID, trashedBefore);
  return rows.map((row) => String(row.id));
}

/** `DELETE /files/trash`: destroys everything in the trash. */
export async function emptyTrash(db: SqlDb, paths: InstancePaths): Promise<void> {
  const fileIds = await db.transaction(async () => destroySubtrees(db, await topsOfTrash(db)));
  await removeContent(paths, fileIds);
}

/** Destroys what has been in the trash longer than `olderThanMs`; returns how many items (tops). */
export async function purgeTrash(db: SqlDb, paths: InstancePaths, olderThanMs: number): Promise<number> {
  const before = new Date(Date.now() - olderThanMs).toISOString();
  const { count, fileIds } = await db.transaction(async () => {
    const tops = await topsOfTrash(db, before);
    return { count: tops.length, fileIds: await destroySubtrees(db, tops) };
  });
  await removeContent(paths, fileIds);
  return count;
}
