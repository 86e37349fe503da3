/** The schema holding the gateway's tables in the database of DATABASE_URL. */
export const GATEWAY_SCHEMA = 'gateway';

/**
 * The gateway's tables on PostgreSQL: the same as its SQLite files (sqlite-schema.ts) in one
 * schema; `name_words_by_sub` names `word` too, as SQLite's index on a WITHOUT ROWID table holds
 * the key, so a name's other words are a range on it. Keys and what is searched by range compare byte-wise (COLLATE "C", as SQLite's
 * BINARY), so the people search's prefix ranges (`word >= 'bo' AND word < 'bo' || U+10FFFF`)
 * hold whatever the database's locale, and listings order alike on both.
 *
 * Forward-only: step `i` takes the schema from version `i` to `i + 1`; a published step is never
 * edited (postgres-state.ts runs the missing ones).
 */
export const POSTGRES_STEPS: readonly string[] = [
  // 1: the directory (with the people search's name words), sharings and links as of the SQLite files' last steps.
  `CREATE TABLE spaces (
      sub TEXT COLLATE "C" PRIMARY KEY,
      instance_id TEXT COLLATE "C" NOT NULL UNIQUE,
      slug TEXT COLLATE "C" NOT NULL UNIQUE,
      backend_url TEXT NOT NULL,
      created_at TEXT NOT NULL,
      name TEXT,
      email TEXT COLLATE "C"
    );
    CREATE INDEX spaces_by_email ON spaces (email) WHERE email IS NOT NULL;
    CREATE TABLE name_words (
      word TEXT COLLATE "C" NOT NULL,
      sub TEXT COLLATE "C" NOT NULL,
      PRIMARY KEY (word, sub)
    );
    CREATE INDEX name_words_by_sub ON name_words (sub, word);
    CREATE TABLE sharings (
      id TEXT COLLATE "C" PRIMARY KEY,
      owner_sub TEXT COLLATE "C" NOT NULL,
      owner_name TEXT NOT NULL,
      item_id TEXT COLLATE "C" NOT NULL,
      item_kind TEXT NOT NULL CHECK (item_kind IN ('file', 'folder')),
      item_name TEXT NOT NULL,
      created_at TEXT COLLATE "C" NOT NULL
    );
    CREATE INDEX sharings_by_owner ON sharings (owner_sub, created_at);
    CREATE TABLE sharing_members (
      sharing_id TEXT COLLATE "C" NOT NULL REFERENCES sharings (id) ON DELETE CASCADE,
      member_sub TEXT COLLATE "C" NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('write', 'read', 'drop')),
      added_at TEXT COLLATE "C" NOT NULL,
      PRIMARY KEY (sharing_id, member_sub)
    );
    CREATE INDEX sharing_members_by_sub ON sharing_members (member_sub);
    CREATE TABLE links (
      id TEXT COLLATE "C" PRIMARY KEY,
      code TEXT COLLATE "C" NOT NULL UNIQUE,
      owner_sub TEXT COLLATE "C" NOT NULL,
      owner_name TEXT NOT NULL,
      item_id TEXT COLLATE "C" NOT NULL,
      item_kind TEXT NOT NULL CHECK (item_kind IN ('file', 'folder')),
      item_name TEXT NOT NULL,
      access TEXT NOT NULL CHECK (access IN ('read', 'write')),
      password_hash TEXT,
      password_version INTEGER NOT NULL DEFAULT 0,
      expires_at TEXT,
      keep_gps INTEGER NOT NULL DEFAULT 0,
      created_at TEXT COLLATE "C" NOT NULL
    );
    CREATE INDEX links_by_owner_item ON links (owner_sub, item_id, created_at);`,
];
