/**
 * A gateway SQLite file: its baseline (`CREATE … IF NOT EXISTS`, what the first gateways made)
 * and the forward-only steps after it on `PRAGMA user_version` (step `i` takes the file from
 * version `i` to `i + 1`). A published step is never edited; a new one is added here and, for
 * PostgreSQL, in postgres-schema.ts.
 */
export type SqliteFileSchema = { file: string; baseline: string; steps: readonly string[] };

const directory: SqliteFileSchema = {
  file: 'directory.sqlite',
  baseline: `
    CREATE TABLE IF NOT EXISTS spaces (
      sub TEXT PRIMARY KEY,
      instance_id TEXT NOT NULL UNIQUE,
      slug TEXT NOT NULL UNIQUE,
      backend_url TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;`,
  steps: [
    // 1: what the people search needs: the person's name and lower-cased email as the ENT last
    // gave them, and the words of the name, normalized, one row each (« bo » must find
    // « Jean-Christophe Boulle »: a prefix of any word, served by the primary key, not a scan).
    `ALTER TABLE spaces ADD COLUMN name TEXT;
     ALTER TABLE spaces ADD COLUMN email TEXT;
     CREATE INDEX spaces_by_email ON spaces (email) WHERE email IS NOT NULL;
     CREATE TABLE name_words (
       word TEXT NOT NULL,
       sub TEXT NOT NULL,
       PRIMARY KEY (word, sub)
     ) STRICT, WITHOUT ROWID;
     CREATE INDEX name_words_by_sub ON name_words (sub);`,
  ],
};

const sharings: SqliteFileSchema = {
  file: 'sharings.sqlite',
  baseline: `
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
    CREATE INDEX IF NOT EXISTS sharing_members_by_sub ON sharing_members (member_sub);`,
  steps: [],
};

const links: SqliteFileSchema = {
  file: 'links.sqlite',
  baseline: `
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
    CREATE INDEX IF NOT EXISTS links_by_owner_item ON links (owner_sub, item_id, created_at);`,
  steps: [],
};

export const SQLITE_FILES = { directory, sharings, links } as const;
