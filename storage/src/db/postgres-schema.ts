import { ROOT_ID, TRASH_ID } from '@mytoutatice/contract';
import { dueIndexDdl, jobTablesDdl } from '../jobs/job-tables.ts';
import { noteImagesDdl, notesDdl } from '../notes/notes-ddl.ts';

/**
 * PostgreSQL's side of the schema: the same tables, columns and indexes as the SQLite steps in
 * instances/instance-migrations.ts, written once at their current version. Sizes and sequences
 * are BIGINT (SQLite's INTEGER is 64-bit), text compares byte-wise (COLLATE "C", as SQLite's
 * BINARY) so listings and keyset cursors order alike on both. A later schema step is written for
 * both dialects.
 */
const BASELINE_VERSION = 3;

/**
 * Steps after the baseline, as on SQLite: step `i` takes a schema from version 3 + i to 4 + i.
 * A published step is never edited. New instances run the baseline then every step; existing
 * ones run what they miss when first opened (storage/src/db/postgres-migrate.ts).
 */
export const POSTGRES_STEPS: readonly string[] = [
  // 4: references from documents to files (SQLite's v4FileReferences).
  `CREATE TABLE file_references (
      file_id TEXT COLLATE "C" NOT NULL,
      doctype TEXT COLLATE "C" NOT NULL,
      document_id TEXT COLLATE "C" NOT NULL,
      PRIMARY KEY (file_id, doctype, document_id)
    );
    CREATE INDEX file_references_document ON file_references (doctype, document_id, file_id);`,
  // 5: the creating app, tags and job metadata of files (SQLite's v5FileLabels).
  `ALTER TABLE files ADD COLUMN created_by TEXT;
    ALTER TABLE files ADD COLUMN tags TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE files ADD COLUMN metadata TEXT NOT NULL DEFAULT '{}';`,
  // 6: a content's own blob key, and the versions of files (SQLite's v6FileVersions).
  `ALTER TABLE files ADD COLUMN blob_key TEXT COLLATE "C";
    UPDATE files SET blob_key = id WHERE type = 'file';
    CREATE TABLE file_versions (
      id TEXT COLLATE "C" PRIMARY KEY,
      file_id TEXT COLLATE "C" NOT NULL REFERENCES files (id),
      blob_key TEXT COLLATE "C" NOT NULL,
      size BIGINT NOT NULL,
      sha256 TEXT NOT NULL,
      mime TEXT,
      created_at TEXT COLLATE "C" NOT NULL
    );
    CREATE INDEX file_versions_file ON file_versions (file_id, created_at);
    CREATE INDEX file_versions_age ON file_versions (created_at);`,
  // 7: name search served by a trigram index (SQLite scans its small per-instance file instead):
  // 119–139 ms p50 on a 100,000-file space without it (bench/RESULTS.md), against 50 ms wanted.
  `CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
    CREATE INDEX files_search_trgm ON files USING gin (sort_key public.gin_trgm_ops) WHERE trashed_at IS NULL;`,
  // 8: WebDAV dead properties (SQLite's v7DavProperties).
  `CREATE TABLE dav_properties (
      file_id TEXT COLLATE "C" NOT NULL,
      ns TEXT COLLATE "C" NOT NULL,
      name TEXT COLLATE "C" NOT NULL,
      xml TEXT NOT NULL,
      PRIMARY KEY (file_id, ns, name)
    );`,
  // 9: durable jobs and the daily trash purge's schedule, first run due at once (SQLite's v8Jobs).
  `${jobTablesDdl('postgres')}
    INSERT INTO job_schedules (name, kind, payload, cron, timezone, spread_ms)
    VALUES ('trash.purge', 'trash.purge', '{}', '0 3 * * *', 'Europe/Paris', 10800000);
    INSERT INTO jobs (id, kind, payload, state, run_at, attempts, max_attempts, schedule, created_at)
    VALUES ('trash.purge.first', 'trash.purge', '{}', 'queued', '1970-01-01T00:00:00.000Z', 0, 5, 'trash.purge',
      to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'));`,
  // 10: collaborative notes (SQLite's v9Notes).
  notesDdl('postgres'),
  // 11: the images of notes (SQLite's v10NoteImages).
  noteImagesDdl('postgres'),
];

export const POSTGRES_SCHEMA_VERSION = BASELINE_VERSION + POSTGRES_STEPS.length;

export const REGISTRY_DDL = `
  CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
  CREATE SCHEMA IF NOT EXISTS registry;
  CREATE TABLE IF NOT EXISTS registry.instances (
    id TEXT COLLATE "C" PRIMARY KEY,
    slug TEXT COLLATE "C" NOT NULL UNIQUE,
    email TEXT NOT NULL,
    quota_bytes BIGINT NOT NULL,
    created_at TEXT COLLATE "C" NOT NULL
  );
  ${dueIndexDdl('postgres')}
  -- The storage's own jobs (not any instance's), in the registry schema.
  BEGIN;
  SET LOCAL search_path TO registry;
  ${jobTablesDdl('postgres')}
  COMMIT;`;

/** The expression a declared document field is queried and indexed by, per dialect. */
export function jsonFieldSql(dialect: 'sqlite' | 'postgres', field: string): string {
  return dialect === 'sqlite'
    ? `ifnull(json_extract(data, '$.${field}'), '')`
    : `(COALESCE(data::jsonb ->> '${field}', '') COLLATE "C")`;
}

const documentIndex = (name: string, doctype: string, field: string) =>
  `CREATE INDEX ${name} ON documents (doctype, ${jsonFieldSql('postgres', field)}, id) WHERE doctype = '${doctype}';`;

/** The schema at the baseline version; run with the search_path on the new instance's schema, then the steps. */
export function baselineDdl(now: string): string {
  const stamp = `'${now.replace(/'/g, '')}'`;
  return `
    CREATE TABLE files (
      id TEXT COLLATE "C" PRIMARY KEY,
      parent_id TEXT COLLATE "C" REFERENCES files (id),
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
      uploaded_at TEXT COLLATE "C"
    );
    CREATE UNIQUE INDEX files_unique_name ON files (parent_id, name);
    CREATE INDEX files_listing ON files (parent_id, type, sort_key, name, id);
    CREATE INDEX files_listing_updated ON files (parent_id, type, updated_at, sort_key, name, id);
    CREATE INDEX files_listing_size ON files (parent_id, type, size, sort_key, name, id);
    CREATE INDEX files_trash ON files (parent_id, trashed_at, seq) WHERE trashed_at IS NOT NULL;
    CREATE INDEX files_recent ON files (updated_at, id) WHERE type = 'file' AND trashed_at IS NULL;
    CREATE INDEX files_favorites ON files (sort_key, name, id) WHERE favorite = 1 AND trashed_at IS NULL;
    CREATE INDEX files_search ON files (sort_key, name, id) WHERE trashed_at IS NULL;
    CREATE INDEX files_seq ON files (seq);

    CREATE TABLE documents (
      doctype TEXT COLLATE "C" NOT NULL,
      id TEXT COLLATE "C" NOT NULL,
      rev TEXT NOT NULL,
      data TEXT NOT NULL,
      created_at TEXT COLLATE "C" NOT NULL,
      updated_at TEXT COLLATE "C" NOT NULL,
      seq BIGINT NOT NULL,
      PRIMARY KEY (doctype, id)
    );
    CREATE INDEX documents_listing ON documents (doctype, created_at, id);
    CREATE INDEX documents_seq ON documents (seq);
    CREATE INDEX documents_updated ON documents (doctype, updated_at, id);
    ${documentIndex('documents_notes_title', 'io.mytoutatice.notes', 'title')}
    ${documentIndex('documents_contacts_fullname', 'io.mytoutatice.contacts', 'fullname')}
    ${documentIndex('documents_contacts_email', 'io.mytoutatice.contacts', 'email')}
    ${documentIndex('documents_photos_albums_name', 'io.mytoutatice.photos.albums', 'name')}

    CREATE TABLE app_passwords (
      id TEXT PRIMARY KEY,
      label TEXT NOT NULL,
      algorithm TEXT NOT NULL,
      salt TEXT NOT NULL,
      hash TEXT NOT NULL,
      created_at TEXT NOT NULL,
      last_used_at TEXT
    );

    CREATE TABLE seq (id INTEGER PRIMARY KEY CHECK (id = 1), value BIGINT NOT NULL);
    INSERT INTO seq (id, value) VALUES (1, 0);

    CREATE TABLE tombstones (
      id TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('file', 'document')),
      doctype TEXT,
      seq BIGINT NOT NULL
    );
    CREATE INDEX tombstones_seq ON tombstones (seq);

    CREATE TABLE schema_version (version INTEGER NOT NULL);
    INSERT INTO schema_version VALUES (${BASELINE_VERSION});

    INSERT INTO files (id, parent_id, type, name, sort_key, created_at, updated_at, seq)
    VALUES ('${ROOT_ID}', NULL, 'directory', '', '', ${stamp}, ${stamp}, 0),
           ('${TRASH_ID}', NULL, 'directory', '', '', ${stamp}, ${stamp}, 0);`;
}
