import { z } from 'zod';
import { titleFromFileName, type NoteList } from '@mytoutatice/contract';
import { positionSql, type SqlDb } from '@mytoutatice/sql';
import { sortKey } from '../files/file-names.ts';
import { locatedPage } from '../files/located-page.ts';
import { decodeCursor } from '../http/pagination.ts';

/** Position: the query it belongs to, then `updatedAt` and id of the last note seen. */
const NotesKey = z.tuple([z.string(), z.string(), z.string()]);

/**
 * `GET /notes`: the notes out of the trash, last changed first; with `q`, those whose title or
 * text holds every word of it, compared as names are (lower case, no accents).
 */
export async function listNotes(db: SqlDb, q: string | undefined, limit: number, cursor: unknown): Promise<NoteList> {
  const words = [...new Set(sortKey((q ?? '').normalize('NFC')).split(/\s+/u).filter((word) => word !== ''))];
  const query = words.join(' ');
  const after = decodeCursor(cursor, NotesKey);
  const position = after && after[0] === query ? [after[1], after[2]] : undefined;
  const matches = words.map(() => `(${positionSql(db, 'n.search_key', '?')} > 0 OR ${positionSql(db, 'f.sort_key', '?')} > 0)`);
  const conditions = ['f.trashed_at IS NULL', ...matches, ...(position ? ['(f.updated_at, f.id) < (?, ?)'] : [])];
  const rows = await db.all(
    `SELECT f.*, n.excerpt AS note_excerpt FROM notes n JOIN files f ON f.id = n.file_id
     WHERE ${conditions.join(' AND ')} ORDER BY f.updated_at DESC, f.id DESC LIMIT ?`,
    ...words.flatMap((word) => [word, word]),
    ...(position ?? []),
    limit + 1,
  );
  const page = await locatedPage(db, rows, limit, (last) => [query, String(last.updated_at), String(last.id)]);
  return {
    items: page.items.map((file, index) => ({ file, title: titleFromFileName(file.name), excerpt: String(rows[index]?.note_excerpt ?? '') })),
    next: page.next,
  };
}
