import { TRASH_ID } from '@mytoutatice/contract';
import { badRequest } from '@mytoutatice/server-kit';
import type { InstanceDatabases } from '../instances/instance-databases.ts';
import { writeTombstone } from '../changes/write-seq.ts';
import { dropDeadProperties } from '../dav/dead-properties.ts';
import { dropReferencesTo } from '../references/references.ts';
import { deleteAllVersions } from '../versions/version-rows.ts';
import { deleteNote } from '../notes/note-rows.ts';
import { contentKey, getMovable } from './file-rows.ts';
import { subtree } from './subtree.ts';
import type { SqlDb } from '@mytoutatice/sql';

/**
 * Deletes each item with everything below it (children first, for the parent references), files
 * with their versions, and writes a tombstone per row, for the changes feed; call inside a
 * transaction. Returns the blob keys of the files and versions, to remove once it has committed.
 */
async function destroySubtrees(db: SqlDb, topIds: readonly string[]): Promise<string[]> {
  const blobKeys: string[] = [];
  for (const topId of topIds) {
    for (const row of (await subtree(db, topId)).reverse()) {
      if (row.type === 'file') blobKeys.push(contentKey(row), ...(await deleteAllVersions(db, row.id)));
      await db.run('DELETE FROM files WHERE id = ?', row.id);
      await writeTombstone(db, 'file', row.id);
      await dropReferencesTo(db, row.id);
      await dropDeadProperties(db, row.id);
      if (row.type === 'file') await deleteNote(db, row.id);
    }
  }
  return blobKeys;
}

/**
 * `DELETE /files/:id?forever=true`: destroys an item of the trash (or inside a trashed folder)
 * for good. Only from the trash: one wrong click on a live folder must never lose it.
 */
export async function destroyFile(databases: InstanceDatabases, instanceId: string, id: string): Promise<void> {
  const db = databases.db(instanceId);
  const blobKeys = await db.transaction(async () => {
    const row = await getMovable(db, id);
    if (row.trashedAt === null) throw badRequest('Seul un élément de la corbeille peut être supprimé définitivement.');
    return destroySubtrees(db, [row.id]);
  });
  // After the commit: a failure or a crash here only leaves orphans, which fsck repairs.
  await databases.blobs.remove(instanceId, blobKeys);
}

async function topsOfTrash(db: SqlDb, trashedBefore?: string): Promise<string[]> {
  const rows =
    trashedBefore === undefined
      ? await db.all('SELECT id FROM files WHERE parent_id = ?', TRASH_ID)
      : await db.all('SELECT id FROM files WHERE parent_id = ? AND trashed_at < ?', TRASH_ID, trashedBefore);
  return rows.map((row) => String(row.id));
}

/** `DELETE /files/trash`: destroys everything in the trash. */
export async function emptyTrash(databases: InstanceDatabases, instanceId: string): Promise<void> {
  const db = databases.db(instanceId);
  const blobKeys = await db.transaction(async () => destroySubtrees(db, await topsOfTrash(db)));
  await databases.blobs.remove(instanceId, blobKeys);
}

/** Destroys what has been in the trash longer than `olderThanMs`; returns how many items (tops). */
export async function purgeTrash(databases: InstanceDatabases, instanceId: string, olderThanMs: number): Promise<number> {
  const db = databases.db(instanceId);
  const before = new Date(Date.now() - olderThanMs).toISOString();
  const { count, blobKeys } = await db.transaction(async () => {
    const tops = await topsOfTrash(db, before);
    return { count: tops.length, blobKeys: await destroySubtrees(db, tops) };
  });
  await databases.blobs.remove(instanceId, blobKeys);
  return count;
}
