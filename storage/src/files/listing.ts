import type { DatabaseSync } from 'node:sqlite';
import { z } from 'zod';
import type { FolderListing } from '@mytoutatice/contract';
import { decodeCursor, encodeCursor } from '../http/pagination.ts';
import { getFolder, toFileDoc, toFileRow, type FileRow } from './file-rows.ts';
import { prepared } from '../instances/prepared.ts';

/** A listing's position: the sort key of the last item seen (type, sort key, name, id). */
const ListingKey = z.tuple([z.enum(['directory', 'file']), z.string(), z.string(), z.string()]);

const FIRST_PAGE = 'SELECT * FROM files WHERE parent_id = ? ORDER BY type, sort_key, name, id LIMIT ?';
const PAGE_AFTER = `SELECT * FROM files WHERE parent_id = ? AND (type, sort_key, name, id) > (?, ?, ?, ?)
  ORDER BY type, sort_key, name, id LIMIT ?`;

function keyOf(row: FileRow): z.infer<typeof ListingKey> {
  return [row.type, row.sortKey, row.name, row.id];
}

/**
 * One page of a folder: folders first (`directory` sorts before `file`), then by name ignoring
 * case and accents, ties broken by exact name then id, so the order is total and a keyset
 * cursor visits every child exactly once.
 */
export function listChildren(db: DatabaseSync, folderId: string, limit: number, cursor: unknown): FolderListing {
  const folder = getFolder(db, folderId);
  const after = decodeCursor(cursor, ListingKey);
  const rows = (
    after
      ? prepared(db, PAGE_AFTER).all(folder.id, ...after, limit + 1)
      : prepared(db, FIRST_PAGE).all(folder.id, limit + 1)
  ).map(toFileRow);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    folder: toFileDoc(folder),
    items: page.map(toFileDoc),
    next: rows.length > limit && last ? encodeCursor(keyOf(last)) : null,
  };
}
