import { z } from 'zod';
import type { FileList } from '@mytoutatice/contract';
import { decodeCursor } from '../http/pagination.ts';
import { locatedPage } from './located-page.ts';
import type { SqlDb } from '@mytoutatice/sql';

/** Position: `updatedAt` and id of the last file seen. */
const RecentKey = z.tuple([z.string(), z.string()]);
const FIRST_PAGE = `SELECT * FROM files WHERE type = 'file' AND trashed_at IS NULL
  ORDER BY updated_at DESC, id DESC LIMIT ?`;
const PAGE_AFTER = `SELECT * FROM files WHERE type = 'file' AND trashed_at IS NULL AND (updated_at, id) < (?, ?)
  ORDER BY updated_at DESC, id DESC LIMIT ?`;

/** `GET /files/recent`: files (not folders) out of the trash, last changed first, each with its path. */
export async function recentFiles(db: SqlDb, limit: number, cursor: unknown): Promise<FileList> {
  const after = decodeCursor(cursor, RecentKey);
  const rows = after ? await db.all(PAGE_AFTER, ...after, limit + 1) : await db.all(FIRST_PAGE, limit + 1);
  return locatedPage(db, rows, limit, (last) => [String(last.updated_at), String(last.id)]);
}
