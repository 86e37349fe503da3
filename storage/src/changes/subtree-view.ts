import type { Change, ChangeBatch } from '@mytoutatice/contract';
import type { SqlDb } from '@mytoutatice/sql';
import { isSelfOrDescendant } from '../files/file-paths.ts';
import { findFile } from '../files/file-rows.ts';
import { subtree } from '../files/subtree.ts';
import type { SubtreeGrant } from '../auth/subtree-grant.ts';
import { currentSeq } from './feed.ts';

/**
 * The feed as the holder of a folder-limited grant sees it (a sharing's member, or the owner
 * through the sharing): only changes to items inside the granted subtree, and for a « dépôt » only
 * their own items.
 *
 * A change names an item's state now, not where it was: a move out of the folder names only its
 * new folder, a destroyed item's tombstone names nothing. So the view keeps the ids it holds to be
 * inside (loaded once, then moved along with each batch): an item that was inside and is no
 * longer is delivered as removed (`deleted`, no `parentId`), one that comes in as it is (the
 * client adds it). Where an item is now is asked of the tree (one walk up per distinct folder,
 * cached for the batch), never of the set, which may be behind within a batch.
 *
 * The set is right as of `#known` (a seq). A replay from before it (a reconnection's `since`, a
 * rewind during a read) shows changes outside the folder the set cannot place: the item may have
 * left the folder before the set was taken. Those are not shown (they may be anyone's, anywhere
 * in the owner's space); a change of the granted item itself stands for them, so the client
 * lists the folder again.
 */
export class SubtreeView {
  readonly #db: SqlDb;
  readonly #grant: SubtreeGrant;
  readonly #inside = new Set<string>();
  #known = 0;

  private constructor(db: SqlDb, grant: SubtreeGrant) {
    this.#db = db;
    this.#grant = grant;
  }

  /** The view of the subtree as it is now; undefined when the granted item is gone or in the trash. */
  static async open(db: SqlDb, grant: SubtreeGrant): Promise<SubtreeView | undefined> {
    const view = new SubtreeView(db, grant);
    const granted = await findFile(db, grant.folderId);
    if (!granted || granted.trashedAt !== null) return undefined;
    await view.#enter(grant.folderId);
    // Read after the set: whatever was written meanwhile is at or below it, so taken as possibly seen.
    view.#known = await currentSeq(db);
    return view;
  }

  /** The batch's changes as the grant's holder sees them, in seq order; moves the set along. */
  async select(batch: ChangeBatch): Promise<Change[]> {
    const granted = await findFile(this.#db, this.#grant.folderId);
    // In the trash, itself or with a folder above it: it opens nothing, as for every call (permit).
    const open = granted !== undefined && granted.trashedAt === null;
    const underGranted = new Map<string, boolean>();
    const selected: Change[] = [];
    let unplaced = 0;
    for (const change of batch.changes) {
      // A sharing opens files only: no document is the member's to hear of.
      if (change.kind !== 'file') continue;
      const was = this.#inside.has(change.id);
      const now = open && !change.deleted && (await this.#covers(change, underGranted));
      if (now) {
        if (!was) await this.#enter(change.id);
        selected.push(change);
      } else if (was) {
        await this.#leave(change.id);
        selected.push({ seq: change.seq, kind: 'file', id: change.id, deleted: true });
      } else if (change.seq <= this.#known) {
        unplaced = Math.max(unplaced, change.seq);
      }
    }
    this.#known = Math.max(this.#known, batch.last);
    if (unplaced > 0 && open && !selected.some((change) => change.id === granted.id)) {
      selected.push({ seq: unplaced, kind: 'file', id: granted.id, parentId: granted.parentId, deleted: false });
      selected.sort((a, b) => a.seq - b.seq);
    }
    return selected;
  }

  /** Whether the changed item is inside now (the granted item known to be open). */
  async #covers(change: Change, underGranted: Map<string, boolean>): Promise<boolean> {
    const { folderId, creator } = this.#grant;
    if (change.id === folderId) return true;
    const parentId = change.parentId;
    if (typeof parentId !== 'string') return false;
    let under = underGranted.get(parentId);
    if (under === undefined) underGranted.set(parentId, (under = await isSelfOrDescendant(this.#db, parentId, folderId)));
    if (!under || creator === undefined) return under;
    return (await findFile(this.#db, change.id))?.createdBy === creator;
  }

  /** The item came in: it and what it holds (one's own only, in a « dépôt ») are inside now. */
  async #enter(id: string): Promise<void> {
    const { folderId, creator } = this.#grant;
    for (const row of await subtree(this.#db, id)) {
      if (creator === undefined || row.id === folderId || row.createdBy === creator) this.#inside.add(row.id);
    }
  }

  /** The item left: it and what it holds are gone from the view (the client drops them with it). */
  async #leave(id: string): Promise<void> {
    this.#inside.delete(id);
    for (const row of await subtree(this.#db, id)) this.#inside.delete(row.id);
  }
}
