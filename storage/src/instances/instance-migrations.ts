import { ROOT_ID, TRASH_ID } from '@mytoutatice/contract';
import type { DatabaseSync } from 'node:sqlite';
import { jobTablesDdl } from '../jobs/job-tables.ts';
import { noteImagesDdl, notesDdl } from '../notes/notes-ddl.ts';

/**
 * The schema of an instance database, as forward-only steps: step `i` takes a database from
 * `PRAGMA user_version` i to i + 1. A published step is never edited (databases in the field
 * already ran it); a change is a new step at the end.
 */
type Migration = (db: DatabaseSync, now: string) => void;

const v1: Migration = (db, now) => {
  db.exec(`
    CREATE TABLE files (
      id TEXT PRIMARY KEY,
      parent_id TEXT REFERENCES files (id),
      type TEXT NOT NULL CHECK (type IN ('directory', 'file')),
      name TEXT NOT NULL,
      -- What listings sort by: lower case without accents, so « Été » sits beside « ete ».
      sort_key TEXT NOT NULL,
      size INTEGER,
      mime TEXT,
      sha256 TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      seq INTEGER NOT NULL
    );
    CREATE UNIQUE INDEX files_unique_name ON files (parent_id, name);
    CREATE INDEX files_listing ON files (parent_id, type, sort_key, name, id);

    CREATE TABLE documents (
      doctype TEXT NOT NULL,
      id TEXT NOT NULL,
      rev TEXT NOT NULL,
      data TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      seq INTEGER NOT NULL,
      PRIMARY KEY (doctype, id)
    ) WITHOUT ROWID;
    CREATE INDEX documents_listing ON documents (doctype, created_at, id);

    CREATE TABLE app_passwords (
      id TEXT PRIMARY KEY,
      label TEXT NOT NULL,
      algorithm TEXT NOT NULL,
      salt TEXT NOT NULL,
      hash TEXT NOT NULL,
      created_at TEXT NOT NULL,
      last_used_at TEXT
    );

    -- Bumped by every write; the changes feed follows it.
    CREATE TABLE seq (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      value INTEGER NOT NULL
    );
    INSERT INTO seq (id, value) VALUES (1, 0);
  `);
  db.prepare(
    `INSERT INTO files (id, parent_id, type, name, sort_key, size, mime, sha256, created_at, updated_at, seq)
     VALUES (?, NULL, 'directory', '', '', NULL, NULL, NULL, ?, ?, 0)`,
  ).run(ROOT_ID, now, now);
};

/**
 * Trash, favourites, upload dates, the indexes for listings by date/size, search, recents and
 * favourites, and what the changes feed reads: `seq` indexes and tombstones for destroyed rows.
 */
const v2: Migration = (db, now) => {
  db.exec(`
    ALTER TABLE files ADD COLUMN trashed_at TEXT;
    -- Set on the top item of a trashed subtree only: its folder's path and its name before the
    -- trash (where a same-named item may have made it « nom (2) »).
    ALTER TABLE files ADD COLUMN restore_path TEXT;
    ALTER TABLE files ADD COLUMN restore_name TEXT;
    ALTER TABLE files ADD COLUMN favorite INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE files ADD COLUMN uploaded_at TEXT;
    UPDATE files SET uploaded_at = created_at WHERE type = 'file';

    -- Trashed items are moved under this hidden folder, so live folders never hold trashed
    -- children and their listings need no filter: files_listing serves them as before.
    CREATE INDEX files_listing_updated ON files (parent_id, type, updated_at, sort_key, name, id);
    CREATE INDEX files_listing_size ON files (parent_id, type, size, sort_key, name, id);
    CREATE INDEX files_trash ON files (parent_id, trashed_at, seq) WHERE trashed_at IS NOT NULL;
    CREATE INDEX files_recent ON files (updated_at, id) WHERE type = 'file' AND trashed_at IS NULL;
    CREATE INDEX files_favorites ON files (sort_key, name, id) WHERE favorite = 1 AND trashed_at IS NULL;
    -- Search scans sort_key for a substring: this covering index is much smaller than the table.
    CREATE INDEX files_search ON files (sort_key, name, id) WHERE trashed_at IS NULL;
    CREATE INDEX files_seq ON files (seq);
    CREATE INDEX documents_seq ON documents (seq);

    -- What the changes feed reports for destroyed rows; written in the destroying transaction.
    CREATE TABLE tombstones (
      id TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('file', 'document')),
      doctype TEXT,
      seq INTEGER NOT NULL
    );
    CREATE INDEX tombstones_seq ON tombstones (seq);
  `);
  db.prepare(
    `INSERT INTO files (id, parent_id, type, name, sort_key, size, mime, sha256, created_at, updated_at, seq)
     VALUES (?, NULL, 'directory', '', '', NULL, NULL, NULL, ?, ?, 0)`,
  ).run(TRASH_ID, now, now);
};

/**
 * Document queries (`?where=`, `?sort=`) on the fields first-party doctypes declare in the
 * contract (`queryableFields`): one index per field, partial on its doctype, over the same
 * expression the queries use (documents/document-query.ts, which also derives these names).
 * A field declared later gets its index in a new step.
 */
const v3: Migration = (db) => {
  db.exec(`
    CREATE INDEX documents_updated ON documents (doctype, updated_at, id);
    CREATE INDEX documents_notes_title ON documents (doctype, ifnull(json_extract(data, '$.title'), ''), id)
      WHERE doctype = 'io.mytoutatice.notes';
    CREATE INDEX documents_contacts_fullname ON documents (doctype, ifnull(json_extract(data, '$.fullname'), ''), id)
      WHERE doctype = 'io.mytoutatice.contacts';
    CREATE INDEX documents_contacts_email ON documents (doctype, ifnull(json_extract(data, '$.email'), ''), id)
      WHERE doctype = 'io.mytoutatice.contacts';
    CREATE INDEX documents_photos_albums_name ON documents (doctype, ifnull(json_extract(data, '$.name'), ''), id)
      WHERE doctype = 'io.mytoutatice.photos.albums';
  `);
};

/**
 * References from documents to files (a photo in an album, an image in a note), like Cozy's
 * `referenced_by`. Read from both sides: a document's files (the primary key serves
 * `file_id` lookups when a file is destroyed), and the files' documents by (doctype, id).
 */
const v4FileReferences: Migration = (db) => {
  db.exec(`
    CREATE TABLE file_references (
      file_id TEXT NOT NULL,
      doctype TEXT NOT NULL,
      document_id TEXT NOT NULL,
      PRIMARY KEY (file_id, doctype, document_id)
    ) WITHOUT ROWID;
    CREATE INDEX file_references_document ON file_references (doctype, document_id, file_id);
  `);
};

/**
 * What a file carries besides its content: the app that created it, the person's tags and what
 * jobs learnt from it (JSON text, `[]` and `{}` when nothing).
 */
const v5FileLabels: Migration = (db) => {
  db.exec(`
    ALTER TABLE files ADD COLUMN created_by TEXT;
    ALTER TABLE files ADD COLUMN tags TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE files ADD COLUMN metadata TEXT NOT NULL DEFAULT '{}';
  `);
};

/**
 * File versions: a file's content lives under its own blob key (until now always its id, still
 * so for files uploaded once), and each overwrite keeps the previous content as a version row.
 */
const v6FileVersions: Migration = (db) => {
  db.exec(`
    ALTER TABLE files ADD COLUMN blob_key TEXT;
    UPDATE files SET blob_key = id WHERE type = 'file';

    CREATE TABLE file_versions (
      id TEXT PRIMARY KEY,
      file_id TEXT NOT NULL REFERENCES files (id),
      blob_key TEXT NOT NULL,
      size INTEGER NOT NULL,
      sha256 TEXT NOT NULL,
      mime TEXT,
      -- When this content was written (not when it stopped being current): what thinning ages.
      created_at TEXT NOT NULL
    );
    CREATE INDEX file_versions_file ON file_versions (file_id, created_at);
    CREATE INDEX file_versions_age ON file_versions (created_at);
  `);
};

/** WebDAV dead properties (PROPPATCH), as the XML the client sent, per item; gone with the item. */
const v7DavProperties: Migration = (db) => {
  db.exec(`
    CREATE TABLE dav_properties (
      file_id TEXT NOT NULL,
      ns TEXT NOT NULL,
      name TEXT NOT NULL,
      xml TEXT NOT NULL,
      PRIMARY KEY (file_id, ns, name)
    ) WITHOUT ROWID;
  `);
};

/**
 * The instance's durable jobs (storage/src/jobs/), and its first schedule: the purge of what has
 * been in its trash past the retention, every day around 3 a.m. (Paris), spread over 3 hours so
 * instances do not all purge at once. Its first run is due at once (then it follows the cron).
 */
const v8Jobs: Migration = (db, now) => {
  db.exec(jobTablesDdl('sqlite'));
  db.prepare(
    `INSERT INTO job_schedules (name, kind, payload, cron, timezone, spread_ms)
     VALUES ('trash.purge', 'trash.purge', '{}', '0 3 * * *', 'Europe/Paris', 10800000)`,
  ).run();
  db.prepare(
    `INSERT INTO jobs (id, kind, payload, state, run_at, attempts, max_attempts, schedule, created_at)
     VALUES ('trash.purge.first', 'trash.purge', '{}', 'queued', '1970-01-01T00:00:00.000Z', 0, 5, 'trash.purge', ?)`,
  ).run(now);
};

/**
 * Collaborative notes (storage/src/notes/): a note's compacted Yjs state beside its Markdown file,
 * and the updates acknowledged since, appended before each acknowledgement.
 */
const v9Notes: Migration = (db) => {
  db.exec(notesDdl('sqlite'));
};

/** The images pasted or dropped into notes, each a Drive file recorded with the note it was uploaded to. */
const v10NoteImages: Migration = (db) => {
  db.exec(noteImagesDdl('sqlite'));
};

export const MIGRATIONS: readonly Migration[] = [v1, v2, v3, v4FileReferences, v5FileLabels, v6FileVersions, v7DavProperties, v8Jobs, v9Notes, v10NoteImages];
export const SCHEMA_VERSION = MIGRATIONS.length;

function userVersion(db: DatabaseSync): number {
  return Number(db.prepare('PRAGMA user_version').get()?.user_version ?? 0);
}

/**
 * Brings `db` up to `target` (default: the latest), one transaction per step, so a crash
 * leaves it at a whole version. The version is read again inside each transaction: another
 * process (the admin CLI beside the server) may have just run the same step.
 * A database newer than this code is refused rather than misread.
 */
export function migrate(db: DatabaseSync, now: string, target = SCHEMA_VERSION): void {
  const found = userVersion(db);
  if (found > SCHEMA_VERSION) throw new Error(`instance database has schema ${found}, newer than ${SCHEMA_VERSION}`);
  for (let version = found; version < target; version++) {
    db.exec('BEGIN IMMEDIATE');
    try {
      if (userVersion(db) === version) {
        MIGRATIONS[version]?.(db, now);
        db.exec(`PRAGMA user_version = ${version + 1}`);
      }
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  }
}
