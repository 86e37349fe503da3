import { z } from 'zod';
import type { FileList } from '@mytoutatice/contract';
import { decodeCursor } from '../http/pagination.ts';
import { locatedPage } from './located-page.ts';
import { indexedBy, type SqlDb } from '@mytoutatice/sql';

/** Position: sort key, name and id of the last favourite seen. */
const FavoriteKey = z.tuple([z.string(), z.string(), z.string()]);
// Named for SQLite: without statistics its planner may take the (much larger) search index instead.
const firstPage = (db: SqlDb) => `SELECT * FROM files ${indexedBy(db, 'files_favorites')}
  WHERE favorite = 1 AND trashed_at IS NULL ORDER BY sort_key, name, id LIMIT ?`;
const pageAfter = (db: SqlDb) => `SELECT * FROM files ${indexedBy(db, 'files_favorites')}
  WHERE favorite = 1 AND trashed_at IS NULL AND (sort_key, name, id) > (?, ?, ?) ORDER BY sort_key, name, id LIMIT ?`;

/** `GET /files/favorites`: files and folders marked favourite, out of the trash, by name, each with its path. */
export async function favoriteFiles(db: SqlDb, limit: number, cursor: unknown): Promise<FileList> {
  const after = decodeCursor(cursor, FavoriteKey);
  const rows = after ? await db.all(pageAfter(db), ...after, limit + 1) : await db.all(firstPage(db), limit + 1);
  return locatedPage(db, rows, limit, (last) => [String(last.sort_key), String(last.name), String(last.id)]);
}
