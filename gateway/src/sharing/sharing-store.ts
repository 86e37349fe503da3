import { randomBytes } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { openGatewayDb, inTransaction } from '../store/gateway-db.ts';
import type { SharingRole } from '@mytoutatice/contract';

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

type Row = Record<string, string>;

/** Someone's access changed: `sub` removed or given another role, or everyone's (no `sub`: the sharing is gone). */
export type AccessChangeListener = (sharingId: string, sub?: string) => void;

/**
 * Who shares what with whom: the gateway's to know, since it alone sees every space. Read on
 * every request through a sharing, never cached, so removing someone ends their access at once.
 */
export class SharingStore {
  private readonly db: DatabaseSync;
  private readonly accessListeners = new Set<AccessChangeListener>();

  constructor(dataDir: string) {
    this.db = openGatewayDb(dataDir, 'sharings.sqlite');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS sharings (
        id TEXT PRIMARY KEY,
        owner_sub TEXT NOT NULL,
        owner_name TEXT NOT NULL,
        item_id TEXT NOT NULL,
        item_kind TEXT NOT NULL CHECK (item_kind IN ('file', 'folder')),
        item_name TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX IF NOT EXISTS sharings_by_owner ON sharings (owner_sub, created_at);
      CREATE TABLE IF NOT EXISTS sharing_members (
        sharing_id TEXT NOT NULL REFERENCES sharings (id) ON DELETE CASCADE,
        member_sub TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('write', 'read', 'drop')),
        added_at TEXT NOT NULL,
        PRIMARY KEY (sharing_id, member_sub)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS sharing_members_by_sub ON sharing_members (member_sub);
    `);
  }

  create(sharing: Omit<SharingRecord, 'id' | 'createdAt'>, members: readonly { sub: string; role: SharingRole }[]): SharingRecord {
    const record: SharingRecord = { ...sharing, id: randomBytes(16).toString('base64url'), createdAt: new Date().toISOString() };
    inTransaction(this.db, () => {
      this.db
        .prepare('INSERT INTO sharings (id, owner_sub, owner_name, item_id, item_kind, item_name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(record.id, record.ownerSub, record.ownerName, record.itemId, record.itemKind, record.itemName, record.createdAt);
      this.putMembersNow(record.id, members);
    });
    return record;
  }

  /** The caller's part in a sharing, or undefined when they have none (or it does not exist). */
  access(sharingId: string, sub: string): SharingAccess | undefined {
    const row = this.db
      .prepare(
        `SELECT s.*, m.role FROM sharings s LEFT JOIN sharing_members m ON m.sharing_id = s.id AND m.member_sub = ?
         WHERE s.id = ? AND (s.owner_sub = ? OR m.role IS NOT NULL)`,
      )
      .get(sub, sharingId, sub) as Row | undefined;
    if (!row) return undefined;
    const sharing = toSharing(row);
    return { sharing, role: sharing.ownerSub === sub ? 'owner' : (row.role as SharingRole) };
  }

  members(sharingId: string): MemberRecord[] {
    return (this.db.prepare('SELECT * FROM sharing_members WHERE sharing_id = ? ORDER BY added_at, member_sub').all(sharingId) as Row[]).map(toMember);
  }

  member(sharingId: string, sub: string): MemberRecord | undefined {
    const row = this.db.prepare('SELECT * FROM sharing_members WHERE sharing_id = ? AND member_sub = ?').get(sharingId, sub) as Row | undefined;
    return row && toMember(row);
  }

  sentBy(sub: string): SharingRecord[] {
    return (this.db.prepare('SELECT * FROM sharings WHERE owner_sub = ? ORDER BY created_at DESC, id').all(sub) as Row[]).map(toSharing);
  }

  /** The sharings `sub` is a member of, with their role in each. */
  receivedBy(sub: string): { sharing: SharingRecord; member: MemberRecord }[] {
    const rows = this.db
      .prepare(
        `SELECT s.*, m.member_sub, m.role, m.added_at FROM sharing_members m JOIN sharings s ON s.id = m.sharing_id
         WHERE m.member_sub = ? ORDER BY m.added_at DESC, s.id`,
      )
      .all(sub) as Row[];
    return rows.map((row) => ({ sharing: toSharing(row), member: toMember(row) }));
  }

  /**
   * Calls `listener` once a change that ends or alters someone's access is committed, before the
   * call that made it returns (what holds access open beyond one request, a realtime socket,
   * closes then). Returns the function that stops it.
   */
  onAccessChange(listener: AccessChangeListener): () => void {
    this.accessListeners.add(listener);
    return () => this.accessListeners.delete(listener);
  }

  /** Adds members, or gives those already in the role named (their `addedAt` unchanged). */
  putMembers(sharingId: string, members: readonly { sub: string; role: SharingRole }[]): void {
    const changed = members.filter(({ sub, role }) => (this.member(sharingId, sub)?.role ?? role) !== role);
    inTransaction(this.db, () => this.putMembersNow(sharingId, members));
    for (const { sub } of changed) this.accessChanged(sharingId, sub);
  }

  /** False when `sub` was not a member. */
  setRole(sharingId: string, sub: string, role: SharingRole): boolean {
    const before = this.member(sharingId, sub)?.role;
    if (before === undefined) return false;
    this.db.prepare('UPDATE sharing_members SET role = ? WHERE sharing_id = ? AND member_sub = ?').run(role, sharingId, sub);
    if (before !== role) this.accessChanged(sharingId, sub);
    return true;
  }

  /** False when `sub` was not a member. */
  removeMember(sharingId: string, sub: string): boolean {
    const removed = this.db.prepare('DELETE FROM sharing_members WHERE sharing_id = ? AND member_sub = ?').run(sharingId, sub).changes > 0;
    if (removed) this.accessChanged(sharingId, sub);
    return removed;
  }

  remove(sharingId: string): void {
    if (this.db.prepare('DELETE FROM sharings WHERE id = ?').run(sharingId).changes > 0) this.accessChanged(sharingId);
  }

  close(): void {
    this.db.close();
  }

  private accessChanged(sharingId: string, sub?: string): void {
    for (const listener of [...this.accessListeners]) listener(sharingId, sub);
  }

  private putMembersNow(sharingId: string, members: readonly { sub: string; role: SharingRole }[]): void {
    const put = this.db.prepare(
      `INSERT INTO sharing_members (sharing_id, member_sub, role, added_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (sharing_id, member_sub) DO UPDATE SET role = excluded.role`,
    );
    const now = new Date().toISOString();
    for (const member of members) put.run(sharingId, member.sub, member.role, now);
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
