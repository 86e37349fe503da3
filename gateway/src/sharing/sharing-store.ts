import { randomBytes } from 'node:crypto';
import type { Row, SqlDb } from '@mytoutatice/sql';
import type { SharingRole } from '@mytoutatice/contract';
import type { AccessChangeListener, AccessRelay } from '../state/access-relay.ts';

export type SharedItemKind = 'file' | 'folder';

export type SharingRecord = {
  id: string;
  /** The owner's ENT identity (their space is the directory's entry for it). */
  ownerSub: string;
  ownerName: string;
  itemId: string;
  itemKind: SharedItemKind;
  itemName: string;
  createdAt: string;
};

export type MemberRecord = { sub: string; role: SharingRole; addedAt: string };

/** Who may reach a sharing's item, as the one question every request through it asks. */
export type SharingAccess = { sharing: SharingRecord; role: SharingRole | 'owner' };

/**
 * Who shares what with whom: the gateway's to know, since it alone sees every space. Read on
 * every request through a sharing, never cached, so removing someone ends their access at once,
 * through whichever gateway process they come.
 */
export class SharingStore {
  private readonly db: SqlDb;
  private readonly relay: AccessRelay | undefined;
  private readonly accessListeners = new Set<AccessChangeListener>();

  /**
   * `db` holds the `sharings` and `sharing_members` tables (gateway/src/state/); `relay` carries
   * access changes to the other gateway processes on the same database (none when embedded).
   */
  constructor(db: SqlDb, relay?: AccessRelay) {
    this.db = db;
    this.relay = relay;
  }

  async create(sharing: Omit<SharingRecord, 'id' | 'createdAt'>, members: readonly { sub: string; role: SharingRole }[]): Promise<SharingRecord> {
    const record: SharingRecord = { ...sharing, id: randomBytes(16).toString('base64url'), createdAt: new Date().toISOString() };
    await this.db.transaction(async () => {
      await this.db.run(
        'INSERT INTO sharings (id, owner_sub, owner_name, item_id, item_kind, item_name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        record.id,
        record.ownerSub,
        record.ownerName,
        record.itemId,
        record.itemKind,
        record.itemName,
        record.createdAt,
      );
      await this.putMembersNow(record.id, members);
    });
    return record;
  }

  /** The caller's part in a sharing, or undefined when they have none (or it does not exist). */
  async access(sharingId: string, sub: string): Promise<SharingAccess | undefined> {
    const row = await this.db.get(
      `SELECT s.*, m.role FROM sharings s LEFT JOIN sharing_members m ON m.sharing_id = s.id AND m.member_sub = ?
       WHERE s.id = ? AND (s.owner_sub = ? OR m.role IS NOT NULL)`,
      sub,
      sharingId,
      sub,
    );
    if (!row) return undefined;
    const sharing = toSharing(row);
    return { sharing, role: sharing.ownerSub === sub ? 'owner' : (row.role as SharingRole) };
  }

  async members(sharingId: string): Promise<MemberRecord[]> {
    return (await this.db.all('SELECT * FROM sharing_members WHERE sharing_id = ? ORDER BY added_at, member_sub', sharingId)).map(toMember);
  }

  async member(sharingId: string, sub: string): Promise<MemberRecord | undefined> {
    const row = await this.db.get('SELECT * FROM sharing_members WHERE sharing_id = ? AND member_sub = ?', sharingId, sub);
    return row && toMember(row);
  }

  async sentBy(sub: string): Promise<SharingRecord[]> {
    return (await this.db.all('SELECT * FROM sharings WHERE owner_sub = ? ORDER BY created_at DESC, id', sub)).map(toSharing);
  }

  /** The sharings `sub` is a member of, with their role in each. */
  async receivedBy(sub: string): Promise<{ sharing: SharingRecord; member: MemberRecord }[]> {
    const rows = await this.db.all(
      `SELECT s.*, m.member_sub, m.role, m.added_at FROM sharing_members m JOIN sharings s ON s.id = m.sharing_id
       WHERE m.member_sub = ? ORDER BY m.added_at DESC, s.id`,
      sub,
    );
    return rows.map((row) => ({ sharing: toSharing(row), member: toMember(row) }));
  }

  /**
   * Calls `listener` once a change that ends or alters someone's access is committed: by this
   * process, before the call that made it returns; by another gateway on the same database, when
   * its announcement arrives (what holds access open beyond one request, a realtime socket,
   * closes then). Returns the function that stops it.
   */
  onAccessChange(listener: AccessChangeListener): () => void {
    if (this.accessListeners.size === 0) this.relay?.onAnnounced((sharingId, sub) => this.accessChanged(sharingId, sub));
    this.accessListeners.add(listener);
    return () => this.accessListeners.delete(listener);
  }

  /**
   * Adds members, or gives those already in the role named (their `addedAt` unchanged). Resolves
   * to those who were not members before (read in the same transaction: no other request adds
   * the same person in between).
   */
  async putMembers(sharingId: string, members: readonly { sub: string; role: SharingRole }[]): Promise<{ sub: string; role: SharingRole }[]> {
    const { added, changed } = await this.db.transaction(async () => {
      const before = new Map((await this.members(sharingId)).map((member) => [member.sub, member.role]));
      await this.putMembersNow(sharingId, members);
      const changed = members.filter(({ sub, role }) => (before.get(sub) ?? role) !== role);
      for (const { sub } of changed) await this.relay?.announce(sharingId, sub);
      return { added: members.filter(({ sub }) => !before.has(sub)), changed };
    });
    for (const { sub } of changed) this.accessChanged(sharingId, sub);
    return added;
  }

  /** False when `sub` was not a member. */
  async setRole(sharingId: string, sub: string, role: SharingRole): Promise<boolean> {
    const before = await this.db.transaction(async () => {
      const found = (await this.member(sharingId, sub))?.role;
      if (found !== undefined) await this.db.run('UPDATE sharing_members SET role = ? WHERE sharing_id = ? AND member_sub = ?', role, sharingId, sub);
      if (found !== undefined && found !== role) await this.relay?.announce(sharingId, sub);
      return found;
    });
    if (before === undefined) return false;
    if (before !== role) this.accessChanged(sharingId, sub);
    return true;
  }

  /** False when `sub` was not a member. */
  async removeMember(sharingId: string, sub: string): Promise<boolean> {
    const removed = await this.db.transaction(async () => {
      const gone = (await this.db.run('DELETE FROM sharing_members WHERE sharing_id = ? AND member_sub = ?', sharingId, sub)) > 0;
      if (gone) await this.relay?.announce(sharingId, sub);
      return gone;
    });
    if (removed) this.accessChanged(sharingId, sub);
    return removed;
  }

  async remove(sharingId: string): Promise<void> {
    const removed = await this.db.transaction(async () => {
      const gone = (await this.db.run('DELETE FROM sharings WHERE id = ?', sharingId)) > 0;
      if (gone) await this.relay?.announce(sharingId);
      return gone;
    });
    if (removed) this.accessChanged(sharingId);
  }

  private accessChanged(sharingId: string, sub?: string): void {
    for (const listener of [...this.accessListeners]) listener(sharingId, sub);
  }

  private async putMembersNow(sharingId: string, members: readonly { sub: string; role: SharingRole }[]): Promise<void> {
    const now = new Date().toISOString();
    for (const member of members) {
      await this.db.run(
        `INSERT INTO sharing_members (sharing_id, member_sub, role, added_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (sharing_id, member_sub) DO UPDATE SET role = excluded.role`,
        sharingId,
        member.sub,
        member.role,
        now,
      );
    }
  }
}

function toSharing(row: Row): SharingRecord {
  return {
    id: String(row.id),
    ownerSub: String(row.owner_sub),
    ownerName: String(row.owner_name),
    itemId: String(row.item_id),
    itemKind: row.item_kind === 'file' ? 'file' : 'folder',
    itemName: String(row.item_name),
    createdAt: String(row.created_at),
  };
}

function toMember(row: Row): MemberRecord {
  return { sub: String(row.member_sub), role: row.role as SharingRole, addedAt: String(row.added_at) };
}
