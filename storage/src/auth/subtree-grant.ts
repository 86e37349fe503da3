import { isFilesGrant } from './permit.ts';
import { creatorOfClaims, forbidden, type InternalClaims } from './internal-token.ts';

/** What a folder-limited grant opens to a realtime socket: the item's subtree, one creator's items only in a « dépôt ». */
export type SubtreeGrant = { folderId: string; creator?: string };

/**
 * The subtree a `sharing` token may follow live: its one files grant, readable and limited to
 * the shared item. 403 for anything else and, as in `permit`, for a « dépôt » without a member
 * (the owner's own items, created by nobody, would match).
 */
export function subtreeGrantOf(claims: InternalClaims): SubtreeGrant {
  if (claims.scope !== 'sharing' || claims.grants.length !== 1) throw forbidden();
  const grant = claims.grants[0];
  if (grant === undefined || !isFilesGrant(grant) || !grant.verbs.includes('read') || grant.folderId === undefined) throw forbidden();
  if (grant.ownOnly !== true) return { folderId: grant.folderId };
  const creator = creatorOfClaims(claims);
  if (creator === null) throw forbidden();
  return { folderId: grant.folderId, creator };
}
