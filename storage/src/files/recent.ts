import type { DatabaseSync } from 'node:sqlite';
import { z } from 'zod';
import type { FileList } from '@mytoutatice/contract';
import { decodeCursor } from '../http/pagination.ts';
import { prepared } from '../instances/prepared.ts';
import { locatedPage } from './located-page.ts';

/** Position: `updatedAt` and id of the last file seen. */
const RecentKey = z.tuple([z.string(), z.string()]);
const FIRST_PAGE = `SELECT * FROM files WHERE type = 'file' AND trashed_at IS NULL
  ORDER BY updated_at DESC, id DESC LIMIT ?`;
const PAGE_AFTER = `SELECT * FROM files WHERE type = 'file' AND trashed_at IS NULL AND (updated_at, id) < (?, ?)
  ORDER BY updated_at DESC, id DESC LIMIT ?`;

/** `GET /files/recent`: files (not folders) out of the trash, last changed first, each with its path. */
export function recentFiles(db: DatabaseSync, limit: number, cursor: unknown): FileList {
  const after = decodeCursor(cursor, RecentKey);
  const rows = (
    after ? prepared(db, PAGE_AFTER).all(...after, limit + 1) : prepared(db, FIRST_PAGE).all(limit + 1)
  );
  return locatedPage(db, rows, limit, (last) => [String(last.updated_at), String(last.id)]);
}
