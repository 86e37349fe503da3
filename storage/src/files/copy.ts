import { randomUUID } from 'node:crypto';
import type { CopyFileBody, FileDoc } from '@mytoutatice/contract';
import { notFound } from '@mytoutatice/server-kit';
import type { InstanceDatabases } from '../instances/instance-databases.ts';
import { BlobMissingError } from '../blobs/blob-store.ts';
import { bumpSeq } from '../changes/write-seq.ts';
import type { InstanceRecord } from '../instances/instance-records.ts';
import { nameConflict, nameTaken, parseConflict, resolveName, validName, type ConflictPolicy } from './file-names.ts';
import { isSelfOrDescendant } from './file-paths.ts';
import { contentKey, getLiveFolder, getMovable, inTrash, insertFile, newRow, toFileDoc, type FileRow } from './file-rows.ts';
import { assertRoomFor } from './quota.ts';
import { subtree } from './subtree.ts';
import { invalidMove } from './update-file.ts';
import type { SqlDb } from '@mytoutatice/sql';

export interface CopyRequest {
  instance: InstanceRecord;
  /** The app making the copy (null: the person); the copy's `createdBy`. */
  createdBy: string | null;
  id: string;
  body: CopyFileBody;
  conflict: unknown;
  /** More writes for the same transaction, given each copied id's new id (DAV copies its properties). */
  alongside?: (newIds: ReadonlyMap<string, string>) => Promise<void>;
}

type Wanted = { parentId?: string | undefined; name?: string | undefined };

/** The name is checked here (`invalid_name`); the body's shape was on the way in. */
function wantedOf(body: CopyFileBody): Wanted {
  return { parentId: body.parentId, name: body.name === undefined ? undefined : validName(body.name) };
}

/** What makes the copy impossible; checked before the blobs are made and again in the transaction. */
async function plan(db: SqlDb, id: string, wanted: Wanted, conflict: ConflictPolicy) {
  const source = await getMovable(db, id);
  if (source.trashedAt !== null) throw inTrash('Cet élément est dans la corbeille : restaurez-le d’abord.');
  const parentId = wanted.parentId ?? source.parentId ?? '';
  const name = wanted.name ?? source.name;
  await getLiveFolder(db, parentId);
  if (source.type === 'directory' && (await isSelfOrDescendant(db, parentId, source.id))) {
    throw invalidMove('Un dossier ne peut pas être copié dans lui-même ni dans un de ses sous-dossiers.');
  }
  if (conflict === 'fail' && (await nameTaken(db, parentId, name))) throw await nameConflict(db, parentId, name);
  return { source, parentId, name };
}

const sizeOf = (rows: readonly FileRow[]) => rows.reduce((total, row) => total + (row.size ?? 0), 0);

/**
 * `POST /files/:id/copy`: a file, or a folder with everything in it, as new items (new ids,
 * new blobs, not favourites). The whole copy counts against the quota. Blobs are made first,
 * then every row is written in one transaction; on any failure the new blobs are removed.
 * The folder's content is what it held when the copy started.
 */
export async function copyFile(databases: InstanceDatabases, request: CopyRequest): Promise<FileDoc> {
  const { instance, id } = request;
  const wanted = wantedOf(request.body);
  const conflict = parseConflict(request.conflict);

  const db = databases.db(instance.id);
  const { source } = await plan(db, id, wanted, conflict);
  const rows = await subtree(db, source.id);
  await assertRoomFor(db, instance, sizeOf(rows));
  const newIds = new Map(rows.map((row) => [row.id, randomUUID()] as const));
  const newId = (oldId: string) => newIds.get(oldId) ?? '';

  const made: string[] = [];
  try {
    for (const row of rows) {
      if (row.type !== 'file') continue;
      await databases.blobs.copy(instance.id, contentKey(row), newId(row.id));
      made.push(newId(row.id));
    }
  } catch (error) {
    await databases.blobs.remove(instance.id, made);
    // The content went away while we copied: something was destroyed meanwhile.
    if (error instanceof BlobMissingError) throw notFound('Un élément copié a été supprimé entre-temps.');
    throw error;
  }

  try {
    return await db.transaction(async () => {
      const { parentId, name } = await plan(db, id, wanted, conflict);
      const topName = await resolveName(db, parentId, name, conflict);
      await assertRoomFor(db, instance, sizeOf(rows));
      let top: FileRow | undefined;
      for (const row of rows) {
        const isTop = row.id === source.id;
        const copy = newRow({
          id: newId(row.id),
          parentId: isTop ? parentId : newId(row.parentId ?? ''),
          type: row.type,
          name: isTop ? topName : row.name,
          size: row.size,
          mime: row.mime,
          sha256: row.sha256,
          createdBy: request.createdBy,
          tags: row.tags,
          metadata: row.metadata,
        });
        await insertFile(db, copy, await bumpSeq(db));
        if (isTop) top = copy;
      }
      if (!top) throw new Error('copy lost its top item');
      await request.alongside?.(newIds);
      return toFileDoc(top);
    });
  } catch (error) {
    await databases.blobs.remove(instance.id, made);
    throw error;
  }
}
