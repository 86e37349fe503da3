import type { SqlDb } from '@mytoutatice/sql';

/** A note's stored side: its compacted state and what the server last knew of its file. */
export interface NoteRow {
  fileId: string;
  state: Uint8Array;
  /**
   * SHA-256 of the Markdown the file last held from this state, and of the one being written:
   * a file holding anything else was overwritten elsewhere (an upload, WebDAV, a version restored).
   */
  writtenSha: string | null;
  writingSha: string | null;
  /** The file name the server gave from the first heading; null once the person chose one. */
  givenName: string | null;
}

/** What the server derives from the content, for lists and search. */
export interface NoteText {
  excerpt: string;
  searchKey: string;
}

const bytes = (value: unknown): Uint8Array => {
  if (value instanceof Uint8Array) return value;
  throw new Error('a note state is not bytes');
};

export async function findNote(db: SqlDb, fileId: string): Promise<NoteRow | undefined> {
  const row = await db.get('SELECT file_id, state, written_sha, writing_sha, given_name FROM notes WHERE file_id = ?', fileId);
  if (!row) return undefined;
  return {
    fileId,
    state: bytes(row.state),
    writtenSha: row.written_sha === null ? null : String(row.written_sha),
    writingSha: row.writing_sha === null ? null : String(row.writing_sha),
    givenName: row.given_name === null ? null : String(row.given_name),
  };
}

/** The updates acknowledged since the last compaction, oldest first, with the last one's id. */
export async function pendingUpdates(db: SqlDb, fileId: string): Promise<{ updates: Uint8Array[]; lastId: number }> {
  const rows = await db.all('SELECT id, data FROM note_updates WHERE file_id = ? ORDER BY id', fileId);
  return { updates: rows.map((row) => bytes(row.data)), lastId: rows.length === 0 ? 0 : Number(rows.at(-1)?.id) };
}

export async function insertNote(db: SqlDb, note: NoteRow, text: NoteText, now: string): Promise<void> {
  await db.run(
    `INSERT INTO notes (file_id, state, written_sha, writing_sha, given_name, excerpt, search_key, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (file_id) DO UPDATE SET state = excluded.state, written_sha = excluded.written_sha, writing_sha = excluded.writing_sha,
       given_name = excluded.given_name,
       excerpt = excluded.excerpt, search_key = excluded.search_key, updated_at = excluded.updated_at`,
    note.fileId,
    note.state,
    note.writtenSha,
    note.writingSha,
    note.givenName,
    text.excerpt,
    text.searchKey,
    now,
  );
  await db.run('DELETE FROM note_updates WHERE file_id = ?', note.fileId);
}

/** Appends updates in one transaction, answering their ids in order: when it resolves, they survive a crash. */
export async function appendUpdates(db: SqlDb, fileId: string, updates: readonly Uint8Array[]): Promise<number[]> {
  return db.transaction(async () => {
    const ids: number[] = [];
    for (const update of updates) {
      const row = await db.get('INSERT INTO note_updates (file_id, data) VALUES (?, ?) RETURNING id', fileId, update);
      ids.push(Number(row?.id));
    }
    return ids;
  });
}

/**
 * Folds the log into the state: `state` holds every update up to `upToId` (and maybe later
 * ones, which applying twice does not change), so those rows go.
 */
export async function compactNote(
  db: SqlDb,
  fileId: string,
  state: Uint8Array,
  upToId: number,
  fields: { writingSha: string; givenName: string | null } & NoteText,
  now: string,
): Promise<void> {
  await db.transaction(async () => {
    await db.run(
      'UPDATE notes SET state = ?, writing_sha = ?, given_name = ?, excerpt = ?, search_key = ?, updated_at = ? WHERE file_id = ?',
      state,
      fields.writingSha,
      fields.givenName,
      fields.excerpt,
      fields.searchKey,
      now,
      fileId,
    );
    await db.run('DELETE FROM note_updates WHERE file_id = ? AND id <= ?', fileId, upToId);
  });
}

/** The file now holds the Markdown of `sha`. */
export async function markWritten(db: SqlDb, fileId: string, sha: string): Promise<void> {
  await db.run('UPDATE notes SET written_sha = ? WHERE file_id = ?', sha, fileId);
}

/** With its file destroyed (trash emptied, purged): a note's state goes too, and its record as a note's image or of a note's images. */
export async function deleteNote(db: SqlDb, fileId: string): Promise<void> {
  await db.run('DELETE FROM note_updates WHERE file_id = ?', fileId);
  await db.run('DELETE FROM notes WHERE file_id = ?', fileId);
  await db.run('DELETE FROM note_images WHERE note_id = ? OR image_id = ?', fileId, fileId);
}
