import type { DatabaseSync } from 'node:sqlite';
import { z } from 'zod';
import type { FileList } from '@mytoutatice/contract';
import { decodeCursor } from '../http/pagination.ts';
import { prepared } from '../instances/prepared.ts';
import { locatedPage } from './located-page.ts';

/** Position: sort key, name and id of the last favourite seen. */
const FavoriteKey = z.tuple([z.string(), z.string(), z.string()]);
// Named: without statistics the planner may take the (much larger) search index instead.
const FIRST_PAGE = `SELECT * FROM files INDEXED BY files_favorites WHERE favorite = 1 AND trashed_at IS NULL
  ORDER BY sort_key, name, id LIMIT ?`;
const PAGE_AFTER = `SELECT * FROM files INDEXED BY files_favorites WHERE favorite = 1 AND trashed_at IS NULL AND (sort_key, name, id) > (?, ?, ?)
  ORDER BY sort_key, name, id LIMIT ?`;

/** `GET /files/favorites`: files and folders marked favourite, out of the trash, by name, each with its path. */
export function favoriteFiles(db: DatabaseSync, limit: number, cursor: unknown): FileList {
  const after = decodeCursor(cursor, FavoriteKey);
  const rows = (
    after ? prepared(db, PAGE_AFTER).all(...after, limit + 1) : prepared(db, FIRST_PAGE).all(limit + 1)
  );
  return locatedPage(db, rows, limit, (last) => [String(last.sort_key), String(last.name), String(last.id)]);
}
