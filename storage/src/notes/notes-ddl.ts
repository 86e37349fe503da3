import type { Dialect } from '@mytoutatice/sql';

/**
 * The tables of collaborative notes, written once for both backends (SQLite step 9, PostgreSQL
 * step 10). `notes`: one row per Markdown file opened as a note — its compacted Yjs state, the
 * SHA-256 of the Markdown the file last held from it (`written_sha`) and of the Markdown being
 * written (`writing_sha`; a crash may leave either in the file), the name the server gave it (NULL once the person
 * renamed it: the title then stops following the first heading), the start of its text (the
 * excerpt lists show) and its whole text folded as names are (`search_key`: lower case, no accents).
 * `note_updates`: every update acknowledged since the last compaction, in order.
 */
export function notesDdl(dialect: Dialect): string {
  const text = dialect === 'sqlite' ? 'TEXT' : 'TEXT COLLATE "C"';
  const bytes = dialect === 'sqlite' ? 'BLOB' : 'BYTEA';
  const serial = dialect === 'sqlite' ? 'INTEGER PRIMARY KEY AUTOINCREMENT' : 'BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY';
  return `
    CREATE TABLE notes (
      file_id ${text} PRIMARY KEY,
      state ${bytes} NOT NULL,
      written_sha ${text},
      writing_sha ${text},
      given_name ${text},
      excerpt TEXT NOT NULL DEFAULT '',
      search_key TEXT NOT NULL DEFAULT '',
      updated_at ${text} NOT NULL
    );
    CREATE TABLE note_updates (
      id ${serial},
      file_id ${text} NOT NULL,
      data ${bytes} NOT NULL
    );
    CREATE INDEX note_updates_file ON note_updates (file_id, id);`;
}

/**
 * The images uploaded to each note (SQLite step 10, PostgreSQL step 11): an image is a file of the
 * owner's Drive, served by the note's route only to whoever may open that note, and only if it was
 * uploaded to it. A row goes with either file when it is destroyed.
 */
export function noteImagesDdl(dialect: Dialect): string {
  const text = dialect === 'sqlite' ? 'TEXT' : 'TEXT COLLATE "C"';
  return `
    CREATE TABLE note_images (
      note_id ${text} NOT NULL,
      image_id ${text} NOT NULL,
      PRIMARY KEY (note_id, image_id)
    );
    CREATE INDEX note_images_image ON note_images (image_id);`;
}
