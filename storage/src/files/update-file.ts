import { checkTags, type FileDoc, type PatchFileBody } from '@mytoutatice/contract';
import { HttpError, badRequest } from '@mytoutatice/server-kit';
import { bumpSeq } from '../changes/write-seq.ts';
import { parseConflict, resolveName, sortKey, validName } from './file-names.ts';
import { isSelfOrDescendant } from './file-paths.ts';
import { getFile, getLiveFolder, getMovable, inTrash, toFileDoc } from './file-rows.ts';
import type { SqlDb } from '@mytoutatice/sql';

const UPDATE = `UPDATE files SET parent_id = ?, name = ?, sort_key = ?, favorite = ?, tags = ?, updated_at = ?, seq = ?
  WHERE id = ?`;

export function invalidMove(detail: string): HttpError {
  return new HttpError(400, 'invalid_move', detail);
}

/** What the table's schema cannot say of the body (its shape is checked on the way in): a bad name is `invalid_name`, bad tags `bad_request`. */
function checkPatch(body: PatchFileBody): PatchFileBody {
  const name = body.name === undefined ? undefined : validName(body.name);
  let { tags } = body;
  if (tags !== undefined) {
    const checked = checkTags(tags);
    if (!checked.ok) throw badRequest(checked.reason);
    tags = checked.tags;
  }
  return { ...body, name, tags };
}

/**
 * `PATCH /files/:id`: rename, move (never into itself or below itself), mark as favourite, tag.
 * Renaming or moving counts as a change (`updatedAt`); the favourite flag and the tags are the
 * person's own marks on the item, not changes to it.
 */
export async function updateFile(db: SqlDb, id: string, body: PatchFileBody, rawConflict: unknown): Promise<FileDoc> {
  const patch = checkPatch(body);
  const conflict = parseConflict(rawConflict);
  return db.transaction(async () => {
    const row = await getMovable(db, id);
    if (row.trashedAt !== null) throw inTrash('Cet élément est dans la corbeille : restaurez-le d’abord.');
    const parentId = patch.parentId ?? row.parentId ?? '';
    const moving = parentId !== row.parentId;
    const renaming = patch.name !== undefined && patch.name !== row.name;
    const favorite = patch.favorite ?? row.favorite;
    const tags = patch.tags ?? row.tags;
    const retagging = JSON.stringify(tags) !== JSON.stringify(row.tags);
    if (!moving && !renaming && !retagging && favorite === row.favorite) return toFileDoc(row);

    if (moving) {
      await getLiveFolder(db, parentId);
      if (row.type === 'directory' && (await isSelfOrDescendant(db, parentId, row.id))) {
        throw invalidMove('Un dossier ne peut pas être déplacé dans lui-même ni dans un de ses sous-dossiers.');
      }
    }
    const name = moving || renaming ? await resolveName(db, parentId, patch.name ?? row.name, conflict) : row.name;
    const updatedAt = moving || renaming ? new Date().toISOString() : row.updatedAt;
    await db.run(UPDATE, parentId, name, sortKey(name), favorite ? 1 : 0, JSON.stringify(tags), updatedAt, await bumpSeq(db), row.id);
    return toFileDoc(await getFile(db, row.id));
  });
}
