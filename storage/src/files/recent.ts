import type { DatabaseSync } from 'node:sqlite';
import { z } from 'zod';
import type { FileList } from '@mytoutatice/contract';
import { decodeCursor, encodeCursor } from '../http/pagination.ts';
import { prepared } from '../instances/prepared.ts';
import { PathResolver } from './file-paths.ts';
import { toFileDoc, toFileRow } from './file-rows.ts';

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
  ).map(toFileRow);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const paths = new PathResolver(db);
  return {
    items: page.map((row) => ({ ...toFileDoc(row), path: paths.of(row) })),
    next: rows.length > limit && last ? encodeCursor([last.updatedAt, last.id]) : null,
  };
}
