import { z } from 'zod';
import type { FileKind, FileSort, FolderListing, SortOrder } from '@mytoutatice/contract';
import { decodeCursor, encodeCursor } from '../http/pagination.ts';
import { getFolder, toFileDoc, toFileRow, type FileRow } from './file-rows.ts';
import type { SqlDb } from '@mytoutatice/sql';

export interface ListingOptions {
  sort: FileSort;
  order: SortOrder;
  limit: number;
  cursor: unknown;
  /** Only the children this creator made (a « dépôt » member's view). */
  createdBy?: string | undefined;
}

const BY_NAME = ['sort_key', 'name', 'id'] as const;

/**
 * What a sort orders one kind of children by. Every one ends with the name and the id, so the
 * order is total and a keyset cursor visits every child exactly once; each matches an index
 * (parent_id, type, …) scanned forwards or backwards, the cursor's position included. Folders
 * have no size: sorted by size, they come by name.
 */
function columnsFor(sort: FileSort, kind: FileKind): readonly string[] {
  if (sort === 'updated') return ['updated_at', ...BY_NAME];
  if (sort === 'size' && kind === 'file') return ['size', ...BY_NAME];
  return BY_NAME;
}

type Key = (string | number)[];

function keyOf(sort: FileSort, row: FileRow): Key {
  const byName = [row.sortKey, row.name, row.id];
  if (sort === 'updated') return [row.updatedAt, ...byName];
  if (sort === 'size' && row.type === 'file') return [row.size ?? 0, ...byName];
  return byName;
}

const Text = z.string();

/** A cursor names its sort and order: one made for another sort is refused, not misread. */
function cursorSchema(sort: FileSort, order: SortOrder) {
  const tupleFor = (kind: FileKind) =>
    z.tuple([
      z.literal(sort),
      z.literal(order),
      z.literal(kind),
      ...columnsFor(sort, kind).map((column) => (column === 'size' ? z.number().int().nonnegative() : Text)),
    ] as unknown as [z.ZodType, ...z.ZodType[]]);
  return z.union([tupleFor('directory'), tupleFor('file')]);
}

function parseCursor(raw: unknown, sort: FileSort, order: SortOrder): { kind: FileKind; key: Key } | undefined {
  const parsed = decodeCursor(raw, cursorSchema(sort, order)) as unknown[] | undefined;
  if (!parsed) return undefined;
  const [, , kind, ...key] = parsed;
  return { kind: kind === 'directory' ? 'directory' : 'file', key: key as Key };
}

/** Children of one kind in the folder, after `after` in the chosen order. */
async function pageOfKind(
  db: SqlDb,
  folderId: string,
  kind: FileKind,
  options: ListingOptions,
  after: Key | undefined,
  limit: number,
): Promise<FileRow[]> {
  const columns = columnsFor(options.sort, kind);
  const direction = options.order === 'asc' ? 'ASC' : 'DESC';
  const position = after
    ? `AND (${columns.join(', ')}) ${options.order === 'asc' ? '>' : '<'} (${columns.map(() => '?').join(', ')})`
    : '';
  const mine = options.createdBy === undefined ? '' : 'AND created_by = ?';
  const sql = `SELECT * FROM files WHERE parent_id = ? AND type = ? ${mine} ${position}
    ORDER BY ${columns.map((column) => `${column} ${direction}`).join(', ')} LIMIT ?`;
  const creator = options.createdBy === undefined ? [] : [options.createdBy];
  return (await db.all(sql, folderId, kind, ...creator, ...(after ?? []), limit)).map(toFileRow);
}

/**
 * One page of a folder: folders first whatever the order, then files, by name (ignoring case
 * and accents), date of change or size. Folders and files are read apart so each read follows
 * an index in one direction.
 */
export async function listChildren(db: SqlDb, folderId: string, options: ListingOptions): Promise<FolderListing> {
  const folder = await getFolder(db, folderId);
  const after = parseCursor(options.cursor, options.sort, options.order);
  const wanted = options.limit + 1;
  const rows: FileRow[] = [];
  if (!after || after.kind === 'directory') {
    rows.push(...(await pageOfKind(db, folder.id, 'directory', options, after?.key, wanted)));
  }
  if (rows.length < wanted) {
    const fileAfter = after?.kind === 'file' ? after.key : undefined;
    rows.push(...(await pageOfKind(db, folder.id, 'file', options, fileAfter, wanted - rows.length)));
  }
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  return {
    folder: toFileDoc(folder),
    items: page.map((row) => toFileDoc(row)),
    next:
      rows.length > options.limit && last
        ? encodeCursor([options.sort, options.order, last.type, ...keyOf(options.sort, last)])
        : null,
  };
}
