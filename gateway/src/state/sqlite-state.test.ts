import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { openGatewayState } from './gateway-state.ts';
import { openSqliteState } from './sqlite-state.ts';

const dirs: string[] = [];
const dataDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'mytoutatice-gateway-files-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Writes a file as the gateway of the commit before this one left it on deployed machines. */
function writeOld(dir: string, file: string, sql: string): void {
  const db = new DatabaseSync(join(dir, file));
  db.exec(sql);
  db.close();
}

const OLD_SPACES = `CREATE TABLE spaces (sub TEXT PRIMARY KEY, instance_id TEXT NOT NULL UNIQUE, slug TEXT NOT NULL UNIQUE,
  backend_url TEXT NOT NULL, created_at TEXT NOT NULL) STRICT;
  INSERT INTO spaces VALUES ('sub-1', 'inst-1', 'slug-1', 'http://node', '2026-01-01T00:00:00Z');
  INSERT INTO spaces VALUES ('sub-2', 'inst-2', 'slug-2', 'http://node', '2026-01-01T00:00:00Z');`;

const OLD_PEOPLE = `ALTER TABLE spaces ADD COLUMN name TEXT;
  ALTER TABLE spaces ADD COLUMN email TEXT;
  CREATE INDEX spaces_by_email ON spaces (email) WHERE email IS NOT NULL;
  CREATE TABLE name_words (word TEXT NOT NULL, sub TEXT NOT NULL, PRIMARY KEY (word, sub)) STRICT, WITHOUT ROWID;
  CREATE INDEX name_words_by_sub ON name_words (sub);
  UPDATE spaces SET name = 'Nadia Le Goff', email = 'nadia.legoff@ac-rennes.fr' WHERE sub = 'sub-2';
  INSERT INTO name_words VALUES ('nadia', 'sub-2'), ('le', 'sub-2'), ('goff', 'sub-2');
  PRAGMA user_version = 1;`;

const OLD_SHARINGS = `CREATE TABLE sharings (id TEXT PRIMARY KEY, owner_sub TEXT NOT NULL, owner_name TEXT NOT NULL, item_id TEXT NOT NULL,
    item_kind TEXT NOT NULL CHECK (item_kind IN ('file', 'folder')), item_name TEXT NOT NULL, created_at TEXT NOT NULL) STRICT;
  CREATE INDEX sharings_by_owner ON sharings (owner_sub, created_at);
  CREATE TABLE sharing_members (sharing_id TEXT NOT NULL REFERENCES sharings (id) ON DELETE CASCADE, member_sub TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('write', 'read', 'drop')), added_at TEXT NOT NULL, PRIMARY KEY (sharing_id, member_sub)) STRICT, WITHOUT ROWID;
  CREATE INDEX sharing_members_by_sub ON sharing_members (member_sub);
  INSERT INTO sharings VALUES ('s-1', 'sub-1', 'Annabel Bourde', 'item-1', 'folder', 'Cours', '2026-02-01T00:00:00Z');
  INSERT INTO sharing_members VALUES ('s-1', 'sub-2', 'read', '2026-02-01T00:00:00Z');`;

const OLD_LINKS = `CREATE TABLE links (id TEXT PRIMARY KEY, code TEXT NOT NULL UNIQUE, owner_sub TEXT NOT NULL, owner_name TEXT NOT NULL,
    item_id TEXT NOT NULL, item_kind TEXT NOT NULL CHECK (item_kind IN ('file', 'folder')), item_name TEXT NOT NULL,
    access TEXT NOT NULL CHECK (access IN ('read', 'write')), password_hash TEXT, password_version INTEGER NOT NULL DEFAULT 0,
    expires_at TEXT, keep_gps INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL) STRICT;
  CREATE INDEX links_by_owner_item ON links (owner_sub, item_id, created_at);
  INSERT INTO links VALUES ('l-1', 'code-1', 'sub-1', 'Annabel Bourde', 'item-1', 'folder', 'Cours', 'write', NULL, 2, NULL, 1, '2026-03-01T00:00:00Z');`;

describe(openSqliteState.name, () => {
  it('keeps what the files of a deployed gateway hold, and serves it through the async stores', async () => {
    const dir = dataDir();
    writeOld(dir, 'directory.sqlite', `${OLD_SPACES} ${OLD_PEOPLE}`);
    writeOld(dir, 'sharings.sqlite', OLD_SHARINGS);
    writeOld(dir, 'links.sqlite', OLD_LINKS);

    const state = openGatewayState({ GATEWAY_DATA_DIR: dir });
    expect(await state.directory.find('sub-1')).toMatchObject({ slug: 'slug-1', instanceId: 'inst-1', backendUrl: 'http://node' });
    expect(await state.directory.search('goff', 'sub-1', 20)).toEqual([{ slug: 'slug-2', name: 'Nadia Le Goff' }]);
    expect(await state.sharings.access('s-1', 'sub-2')).toMatchObject({ role: 'read', sharing: { itemName: 'Cours', ownerSub: 'sub-1' } });
    expect(await state.links.byCode('code-1')).toMatchObject({ id: 'l-1', access: 'write', passwordVersion: 2, keepGps: true, expiresAt: null });
    // Removing a sharing still takes its members with it (foreign keys on).
    await state.sharings.remove('s-1');
    expect(await state.sharings.receivedBy('sub-2')).toEqual([]);
    await state.close();
  });

  it('upgrades a directory made before people were searchable, once', async () => {
    const dir = dataDir();
    writeOld(dir, 'directory.sqlite', OLD_SPACES);

    const state = openGatewayState({ GATEWAY_DATA_DIR: dir });
    expect((await state.directory.find('sub-1'))?.slug).toBe('slug-1');
    expect(await state.directory.search('jean', '', 20)).toEqual([]);
    await state.directory.learn('sub-1', { name: 'Jean-Christophe Boullé', email: 'JC.Boulle@ac-rennes.fr' });
    expect(await state.directory.search('boulle', '', 20)).toEqual([{ slug: 'slug-1', name: 'Jean-Christophe Boullé' }]);
    await state.close();
    // Opened again: the step is not run twice (it would fail adding the columns again).
    const again = openGatewayState({ GATEWAY_DATA_DIR: dir });
    expect((await again.directory.search('jc.boulle@', '', 20)).map((person) => person.slug)).toEqual(['slug-1']);
    await again.close();
  });

  it('refuses a file newer than this gateway rather than misread it', () => {
    const dir = dataDir();
    writeOld(dir, 'directory.sqlite', `${OLD_SPACES} ${OLD_PEOPLE} PRAGMA user_version = 9;`);
    expect(() => openSqliteState(dir)).toThrow(/directory\.sqlite is at version 9/);
  });
});
