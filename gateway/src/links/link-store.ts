import { randomBytes } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { openGatewayDb } from '../store/gateway-db.ts';
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

type Row = Record<string, string | number | null>;

/**
 * Public links, beside the sharings: the gateway alone sees every space. Read on every request
 * through a link, never cached, so « Désactiver le lien » and a new password hold at once.
 */
export class LinkStore {
  private readonly db: DatabaseSync;

  constructor(dataDir: string) {
    this.db = openGatewayDb(dataDir, 'links.sqlite');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS links (
        id TEXT PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        owner_sub TEXT NOT NULL,
        owner_name TEXT NOT NULL,
        item_id TEXT NOT NULL,
        item_kind TEXT NOT NULL CHECK (item_kind IN ('file', 'folder')),
        item_name TEXT NOT NULL,
        access TEXT NOT NULL CHECK (access IN ('read', 'write')),
        password_hash TEXT,
        password_version INTEGER NOT NULL DEFAULT 0,
        expires_at TEXT,
        keep_gps INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX IF NOT EXISTS links_by_owner_item ON links (owner_sub, item_id, created_at);
    `);
  }

  create(link: NewLink): LinkRecord {
    const record: LinkRecord = {
      ...link,
      id: randomBytes(16).toString('base64url'),
      code: randomBytes(32).toString('base64url'),
      passwordVersion: 0,
      createdAt: new Date().toISOString(),
    };
    this.db
      .prepare(
        `INSERT INTO links (id, code, owner_sub, owner_name, item_id, item_kind, item_name, access, password_hash, expires_at, keep_gps, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
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

  byCode(code: string): LinkRecord | undefined {
    const row = this.db.prepare('SELECT * FROM links WHERE code = ?').get(code) as Row | undefined;
    return row && toLink(row);
  }

  byId(id: string): LinkRecord | undefined {
    const row = this.db.prepare('SELECT * FROM links WHERE id = ?').get(id) as Row | undefined;
    return row && toLink(row);
  }

  /** The owner's link, or undefined for anyone else's (as if it did not exist). */
  ownedBy(id: string, ownerSub: string): LinkRecord | undefined {
    const row = this.db.prepare('SELECT * FROM links WHERE id = ? AND owner_sub = ?').get(id, ownerSub) as Row | undefined;
    return row && toLink(row);
  }

  forItem(ownerSub: string, itemId: string): LinkRecord[] {
    return (this.db.prepare('SELECT * FROM links WHERE owner_sub = ? AND item_id = ? ORDER BY created_at, id').all(ownerSub, itemId) as Row[]).map(toLink);
  }

  change(link: LinkRecord, changes: LinkChanges): LinkRecord {
    const next: LinkRecord = { ...link, ...changes };
    if (changes.password !== undefined) next.passwordVersion = link.passwordVersion + 1;
    this.db
      .prepare('UPDATE links SET access = ?, password_hash = ?, password_version = ?, expires_at = ?, keep_gps = ? WHERE id = ?')
      .run(next.access, next.password, next.passwordVersion, next.expiresAt, next.keepGps ? 1 : 0, link.id);
    return next;
  }

  remove(id: string): void {
    this.db.prepare('DELETE FROM links WHERE id = ?').run(id);
  }

  close(): void {
    this.db.close();
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
    keepGps: row.keep_gps === 1,
    createdAt: String(row.created_at),
  };
}
