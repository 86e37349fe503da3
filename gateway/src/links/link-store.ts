import { randomBytes } from 'node:crypto';
import type { Row, SqlDb } from '@mytoutatice/sql';
import type { LinkAccess } from '@mytoutatice/contract';
import type { SharedItemKind } from '../sharing/sharing-store.ts';
import type { PasswordHash } from './link-password.ts';

export type LinkRecord = {
  /** The owner's handle on the link; `createdBy` of what visitors add is `link:<id>`. */
  id: string;
  /** The capability in the public address: 32 random bytes, base64url. */
  code: string;
  ownerSub: string;
  /** The ENT `name` claim when the link was made: what visitors see (never the email). */
  ownerName: string;
  itemId: string;
  itemKind: SharedItemKind;
  itemName: string;
  access: LinkAccess;
  password: PasswordHash | null;
  /** Bumped by every password change: unlock tokens name it, so older ones die. */
  passwordVersion: number;
  expiresAt: string | null;
  keepGps: boolean;
  createdAt: string;
};

export type NewLink = Pick<LinkRecord, 'ownerSub' | 'ownerName' | 'itemId' | 'itemKind' | 'itemName' | 'access' | 'password' | 'expiresAt' | 'keepGps'>;
export type LinkChanges = Partial<Pick<LinkRecord, 'access' | 'password' | 'expiresAt' | 'keepGps'>>;

/**
 * Public links, beside the sharings: the gateway alone sees every space. Read on every request
 * through a link, never cached, so « Désactiver le lien » and a new password hold at once, in
 * every gateway process.
 */
export class LinkStore {
  private readonly db: SqlDb;

  /** `db` holds the `links` table (gateway/src/state/). */
  constructor(db: SqlDb) {
    this.db = db;
  }

  async create(link: NewLink): Promise<LinkRecord> {
    const record: LinkRecord = {
      ...link,
      id: randomBytes(16).toString('base64url'),
      code: randomBytes(32).toString('base64url'),
      passwordVersion: 0,
      createdAt: new Date().toISOString(),
    };
    await this.db.run(
      `INSERT INTO links (id, code, owner_sub, owner_name, item_id, item_kind, item_name, access, password_hash, expires_at, keep_gps, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      record.id,
      record.code,
      record.ownerSub,
      record.ownerName,
      record.itemId,
      record.itemKind,
      record.itemName,
      record.access,
      record.password,
      record.expiresAt,
      record.keepGps ? 1 : 0,
      record.createdAt,
    );
    return record;
  }

  async byCode(code: string): Promise<LinkRecord | undefined> {
    const row = await this.db.get('SELECT * FROM links WHERE code = ?', code);
    return row && toLink(row);
  }

  async byId(id: string): Promise<LinkRecord | undefined> {
    const row = await this.db.get('SELECT * FROM links WHERE id = ?', id);
    return row && toLink(row);
  }

  /** The owner's link, or undefined for anyone else's (as if it did not exist). */
  async ownedBy(id: string, ownerSub: string): Promise<LinkRecord | undefined> {
    const row = await this.db.get('SELECT * FROM links WHERE id = ? AND owner_sub = ?', id, ownerSub);
    return row && toLink(row);
  }

  async forItem(ownerSub: string, itemId: string): Promise<LinkRecord[]> {
    return (await this.db.all('SELECT * FROM links WHERE owner_sub = ? AND item_id = ? ORDER BY created_at, id', ownerSub, itemId)).map(toLink);
  }

  async change(link: LinkRecord, changes: LinkChanges): Promise<LinkRecord> {
    const next: LinkRecord = { ...link, ...changes };
    if (changes.password !== undefined) next.passwordVersion = link.passwordVersion + 1;
    await this.db.run(
      'UPDATE links SET access = ?, password_hash = ?, password_version = ?, expires_at = ?, keep_gps = ? WHERE id = ?',
      next.access,
      next.password,
      next.passwordVersion,
      next.expiresAt,
      next.keepGps ? 1 : 0,
      link.id,
    );
    return next;
  }

  async remove(id: string): Promise<void> {
    await this.db.run('DELETE FROM links WHERE id = ?', id);
  }
}

function toLink(row: Row): LinkRecord {
  return {
    id: String(row.id),
    code: String(row.code),
    ownerSub: String(row.owner_sub),
    ownerName: String(row.owner_name),
    itemId: String(row.item_id),
    itemKind: row.item_kind === 'file' ? 'file' : 'folder',
    itemName: String(row.item_name),
    access: row.access === 'write' ? 'write' : 'read',
    password: row.password_hash === null ? null : (String(row.password_hash) as PasswordHash),
    passwordVersion: Number(row.password_version),
    expiresAt: row.expires_at === null ? null : String(row.expires_at),
    keepGps: Number(row.keep_gps) === 1,
    createdAt: String(row.created_at),
  };
}
