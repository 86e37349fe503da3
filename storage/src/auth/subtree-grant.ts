import type { SqlDb } from '@mytoutatice/sql';
import { isSelfOrDescendant } from '../files/file-paths.ts';
import { findFile } from '../files/file-rows.ts';
import { isFilesGrant } from './permit.ts';
import { creatorOfClaims, forbidden, type InternalClaims } from './internal-token.ts';

/** What a folder-limited grant opens to a socket: the item's subtree, one creator's items only in a « dépôt ». */
export type SubtreeGrant = { folderId: string; creator?: string };

/**
 * The subtree a `sharing` token (a member) or a `visitor` token (a public link) may follow live:
 * its one files grant, readable and limited to the shared item. 403 for anything else and, as in
 * `permit`, for a « dépôt » without a creator (the owner's own items, created by nobody, would match).
 */
export function subtreeGrantOf(claims: InternalClaims): SubtreeGrant {
  if ((claims.scope !== 'sharing' && claims.scope !== 'visitor') || claims.grants.length !== 1) throw forbidden();
  const grant = claims.grants[0];
  if (grant === undefined || !isFilesGrant(grant) || !grant.verbs.includes('read') || grant.folderId === undefined) throw forbidden();
  if (grant.ownOnly !== true) return { folderId: grant.folderId };
  const creator = creatorOfClaims(claims);
  if (creator === null) throw forbidden();
  return { folderId: grant.folderId, creator };
}

/** Whether the grant reaches `id`: inside the item's subtree (the item itself included) and, in a « dépôt », created by its creator. */
export async function subtreeCovers(db: SqlDb, grant: SubtreeGrant, id: string): Promise<boolean> {
  if (!(await isSelfOrDescendant(db, id, grant.folderId))) return false;
  if (grant.creator === undefined || id === grant.folderId) return true;
  return (await findFile(db, id))?.createdBy === grant.creator;
}
