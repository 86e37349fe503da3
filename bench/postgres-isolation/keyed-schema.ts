/**
 * The alternative to a schema per instance: the storage's tables once, every row keyed by
 * `instance_id` (first in every primary key and index, so an instance's rows are one range of
 * each index), and row-level security on every table against the `app.instance` setting. The
 * columns are those of storage/src/db/postgres-schema.ts at the current version.
 */
export const APP_ROLE = 'storage_app';

export const KEYED_TABLES = ['files', 'documents', 'app_passwords', 'seq', 'tombstones', 'file_references'] as const;

const field = (name: string) => `(COALESCE(data::jsonb ->> '${name}', '') COLLATE "C")`;
const documentIndex = (name: string, doctype: string, json: string) =>
  `CREATE INDEX ${name} ON documents (instance_id, doctype, ${field(json)}, id) WHERE doctype = '${doctype}';`;

export const KEYED_DDL = `
  CREATE TABLE files (
    instance_id UUID NOT NULL,
    id TEXT COLLATE "C" NOT NULL,
    parent_id TEXT COLLATE "C",
    type TEXT NOT NULL CHECK (type IN ('directory', 'file')),
    name TEXT COLLATE "C" NOT NULL,
    sort_key TEXT COLLATE "C" NOT NULL,
    size BIGINT,
    mime TEXT,
    sha256 TEXT,
    created_at TEXT COLLATE "C" NOT NULL,
    updated_at TEXT COLLATE "C" NOT NULL,
    seq BIGINT NOT NULL,
    trashed_at TEXT COLLATE "C",
    restore_path TEXT,
    restore_name TEXT,
    favorite INTEGER NOT NULL DEFAULT 0,
    uploaded_at TEXT COLLATE "C",
    PRIMARY KEY (instance_id, id),
    FOREIGN KEY (instance_id, parent_id) REFERENCES files (instance_id, id)
  );
  CREATE UNIQUE INDEX files_unique_name ON files (instance_id, parent_id, name);
  CREATE INDEX files_listing ON files (instance_id, parent_id, type, sort_key, name, id);
  CREATE INDEX files_listing_updated ON files (instance_id, parent_id, type, updated_at, sort_key, name, id);
  CREATE INDEX files_listing_size ON files (instance_id, parent_id, type, size, sort_key, name, id);
  CREATE INDEX files_trash ON files (instance_id, parent_id, trashed_at, seq) WHERE trashed_at IS NOT NULL;
  CREATE INDEX files_recent ON files (instance_id, updated_at, id) WHERE type = 'file' AND trashed_at IS NULL;
  CREATE INDEX files_favorites ON files (instance_id, sort_key, name, id) WHERE favorite = 1 AND trashed_at IS NULL;
  CREATE INDEX files_search ON files (instance_id, sort_key, name, id) WHERE trashed_at IS NULL;
  CREATE INDEX files_seq ON files (instance_id, seq);

  CREATE TABLE documents (
    instance_id UUID NOT NULL,
    doctype TEXT COLLATE "C" NOT NULL,
    id TEXT COLLATE "C" NOT NULL,
    rev TEXT NOT NULL,
    data TEXT NOT NULL,
    created_at TEXT COLLATE "C" NOT NULL,
    updated_at TEXT COLLATE "C" NOT NULL,
    seq BIGINT NOT NULL,
    PRIMARY KEY (instance_id, doctype, id)
  );
  CREATE INDEX documents_listing ON documents (instance_id, doctype, created_at, id);
  CREATE INDEX documents_seq ON documents (instance_id, seq);
  CREATE INDEX documents_updated ON documents (instance_id, doctype, updated_at, id);
  ${documentIndex('documents_notes_title', 'io.mytoutatice.notes', 'title')}
  ${documentIndex('documents_contacts_fullname', 'io.mytoutatice.contacts', 'fullname')}
  ${documentIndex('documents_contacts_email', 'io.mytoutatice.contacts', 'email')}
  ${documentIndex('documents_photos_albums_name', 'io.mytoutatice.photos.albums', 'name')}

  CREATE TABLE app_passwords (
    instance_id UUID NOT NULL,
    id TEXT NOT NULL,
    label TEXT NOT NULL,
    algorithm TEXT NOT NULL,
    salt TEXT NOT NULL,
    hash TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_used_at TEXT,
    PRIMARY KEY (instance_id, id)
  );

  CREATE TABLE seq (instance_id UUID PRIMARY KEY, value BIGINT NOT NULL);

  CREATE TABLE tombstones (
    instance_id UUID NOT NULL,
    id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('file', 'document')),
    doctype TEXT,
    seq BIGINT NOT NULL
  );
  CREATE INDEX tombstones_seq ON tombstones (instance_id, seq);

  CREATE TABLE file_references (
    instance_id UUID NOT NULL,
    file_id TEXT COLLATE "C" NOT NULL,
    doctype TEXT COLLATE "C" NOT NULL,
    document_id TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (instance_id, file_id, doctype, document_id)
  );
  CREATE INDEX file_references_document ON file_references (instance_id, doctype, document_id, file_id);

  CREATE ROLE ${APP_ROLE} LOGIN;
  ${KEYED_TABLES.map(
    (table) => `
    ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
    CREATE POLICY one_instance ON ${table}
      USING (instance_id = current_setting('app.instance')::uuid)
      WITH CHECK (instance_id = current_setting('app.instance')::uuid);
    GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO ${APP_ROLE};`,
  ).join('')}`;
