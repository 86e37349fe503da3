import { HttpError } from '@mytoutatice/server-kit';
import { fileNotFound, findFile, inTrash } from '../files/file-rows.ts';
import type { InstanceDatabases } from '../instances/instance-databases.ts';
import { instanceById, ownerInstanceOf } from '../instances/owner-instance.ts';
import type { InstanceRecords } from '../instances/instance-records.ts';
import { forbidden, type InternalClaims } from '../auth/internal-token.ts';
import { subtreeCovers, subtreeGrantOf } from '../auth/subtree-grant.ts';
import { isMarkdownFile, tooLargeToOpen, tooLargeToRead } from './note-files.ts';
import { findNote } from './note-rows.ts';

/** Who opened a note's socket, on which instance, and whether they may change it. */
export interface NoteAccess {
  instanceId: string;
  fileId: string;
  readOnly: boolean;
  /** Whose sockets it counts among: the owner's, or one member's of one sharing. */
  group: string;
}

/**
 * The one check of a note socket, as `permit` checks a files route: the owner edits their notes;
 * a sharing's member reaches a note inside the shared item (only their own in a « dépôt »),
 * editing with « Peut modifier », reading with « Peut consulter »; a public link's visitor reads
 * a note inside the link's item, whatever the link's access (a link opens a folder to drops, not
 * a note to strangers' edits). A note outside the grant is a 404 like one that does not exist; a
 * file that is not Markdown is a 415.
 */
export async function noteAccess(
  deps: { instances: InstanceRecords; databases: InstanceDatabases },
  claims: InternalClaims,
  fileId: string,
): Promise<NoteAccess> {
  if (claims.scope === 'owner') {
    const instance = await ownerInstanceOf(deps.instances, claims);
    await checkNoteFile(deps.databases, instance.id, fileId);
    return { instanceId: instance.id, fileId, readOnly: false, group: instance.id };
  }
  if (claims.scope !== 'sharing' && claims.scope !== 'visitor') throw forbidden();
  const grant = subtreeGrantOf(claims);
  const instance = await instanceById(deps.instances, claims.sub);
  const db = deps.databases.db(instance.id);
  const shared = await findFile(db, grant.folderId);
  if (!shared || shared.trashedAt !== null || !(await subtreeCovers(db, grant, fileId))) throw fileNotFound();
  await checkNoteFile(deps.databases, instance.id, fileId);
  if (claims.scope === 'visitor') return { instanceId: instance.id, fileId, readOnly: true, group: `${instance.id} link ${claims.link}` };
  const writes = claims.grants.some((granted) => granted.verbs.includes('write'));
  return { instanceId: instance.id, fileId, readOnly: !writes, group: `${instance.id} ${claims.sharing} ${claims.member ?? ''}` };
}

async function checkNoteFile(databases: InstanceDatabases, instanceId: string, fileId: string) {
  const file = await findFile(databases.db(instanceId), fileId);
  if (!file || file.type !== 'file') throw fileNotFound();
  if (file.trashedAt !== null) throw inTrash('Cette note est dans la corbeille : restaurez-la d’abord.');
  if (!isMarkdownFile(file)) throw new HttpError(415, 'unsupported_media_type', 'Seul un fichier Markdown s’ouvre comme une note.');
  // A note may grow past what an import may hold; a Markdown file never opened is read whole first.
  if (tooLargeToRead(file) && !(await findNote(databases.db(instanceId), fileId))) throw tooLargeToOpen();
  return file;
}
