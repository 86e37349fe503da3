import type { LocatedFile } from '@mytoutatice/contract';
import { encodeCursor } from '../http/pagination.ts';
import { PathResolver } from './file-paths.ts';
import { toFileDoc, toFileRow } from './file-rows.ts';
import type { SqlDb } from '@mytoutatice/sql';

type RawRow = Record<string, unknown>;

/**
 * One page of a keyset listing whose items carry their path (search, recents, favourites, trash):
 * `rows` holds up to `limit + 1` rows, the extra one telling that a next page exists, and
 * `positionOf` gives the next cursor's position from the page's last raw row.
 */
export async function locatedPage(
  db: SqlDb,
  rows: readonly RawRow[],
  limit: number,
  positionOf: (last: RawRow) => readonly unknown[],
): Promise<{ items: LocatedFile[]; next: string | null }> {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const paths = new PathResolver(db);
  const items: LocatedFile[] = [];
  // One after the other: each resolved folder spares the next items a lookup.
  for (const raw of page) {
    const row = toFileRow(raw);
    items.push({ ...toFileDoc(row), path: await paths.of(row) });
  }
  return {
    items,
    next: rows.length > limit && last ? encodeCursor(positionOf(last)) : null,
  };
}
