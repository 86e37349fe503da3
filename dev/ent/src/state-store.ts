import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { Adapter, AdapterFactory, AdapterPayload } from 'oidc-provider';

/** The models oidc-provider revokes together when a grant ends (its own in-memory store's list). */
const GRANTABLE = new Set(['AccessToken', 'AuthorizationCode', 'RefreshToken', 'DeviceCode', 'BackchannelAuthenticationRequest']);

/**
 * What the simulator's oidc-provider must remember (sessions, grants, codes, refresh tokens), in a
 * SQLite file beside its keys: restarting `npm start` keeps people signed in at the ENT and the
 * Home's renewals working, as with a real ENT. oidc-provider's default store is memory only, for
 * quick starts, and warns about it on every start.
 */
export function sqliteStateStore(file: string): AdapterFactory {
  mkdirSync(dirname(file), { recursive: true });
  const db = new DatabaseSync(file);
  db.exec(`
    PRAGMA journal_mode = WAL;
    CREATE TABLE IF NOT EXISTS oidc_state (
      model TEXT NOT NULL,
      id TEXT NOT NULL,
      payload TEXT NOT NULL,
      grant_id TEXT,
      uid TEXT,
      user_code TEXT,
      expires_at INTEGER,
      PRIMARY KEY (model, id)
    );
    CREATE INDEX IF NOT EXISTS oidc_state_grant ON oidc_state (grant_id);
    CREATE INDEX IF NOT EXISTS oidc_state_uid ON oidc_state (model, uid);
    CREATE INDEX IF NOT EXISTS oidc_state_user_code ON oidc_state (model, user_code);
  `);
  db.prepare('DELETE FROM oidc_state WHERE expires_at <= ?').run(Date.now());

  const live = 'AND (expires_at IS NULL OR expires_at > ?)';
  const upsert = db.prepare(`
    INSERT INTO oidc_state (model, id, payload, grant_id, uid, user_code, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (model, id) DO UPDATE SET payload = excluded.payload, grant_id = excluded.grant_id, uid = excluded.uid,
      user_code = excluded.user_code, expires_at = excluded.expires_at`);
  const byId = db.prepare(`SELECT payload FROM oidc_state WHERE model = ? AND id = ? ${live}`);
  const byUid = db.prepare(`SELECT payload FROM oidc_state WHERE model = ? AND uid = ? ${live}`);
  const byUserCode = db.prepare(`SELECT payload FROM oidc_state WHERE model = ? AND user_code = ? ${live}`);
  const consume = db.prepare(`UPDATE oidc_state SET payload = json_set(payload, '$.consumed', ?) WHERE model = ? AND id = ?`);
  const destroy = db.prepare('DELETE FROM oidc_state WHERE model = ? AND id = ?');
  const revoke = db.prepare('DELETE FROM oidc_state WHERE grant_id = ?');

  const read = (row: Record<string, unknown> | undefined): AdapterPayload | undefined =>
    row === undefined ? undefined : (JSON.parse(String(row.payload)) as AdapterPayload);

  return (model: string): Adapter => ({
    async upsert(id, payload, expiresIn) {
      const grantId = GRANTABLE.has(model) ? (payload.grantId ?? null) : null;
      const expiresAt = expiresIn === undefined ? null : Date.now() + expiresIn * 1000;
      upsert.run(model, id, JSON.stringify(payload), grantId, payload.uid ?? null, payload.userCode ?? null, expiresAt);
    },
    find: async (id) => read(byId.get(model, id, Date.now())),
    findByUid: async (uid) => read(byUid.get(model, uid, Date.now())),
    findByUserCode: async (userCode) => read(byUserCode.get(model, userCode, Date.now())),
    async consume(id) {
      consume.run(Math.floor(Date.now() / 1000), model, id);
    },
    async destroy(id) {
      destroy.run(model, id);
    },
    async revokeByGrantId(grantId) {
      revoke.run(grantId);
    },
  });
}
