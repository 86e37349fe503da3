import type { DatabaseSync } from 'node:sqlite';
import type { LocatedFile } from '@mytoutatice/contract';
import { encodeCursor } from '../http/pagination.ts';
import { PathResolver } from './file-paths.ts';
import { toFileDoc, toFileRow } from './file-rows.ts';

type RawRow = Record<string, unknown>;

/**
 * One page of a keyset listing whose items carry their path (search, recents, favourites, trash):
 * `rows` holds up to `limit + 1` rows, the extra one telling that a next page exists, and
 * `positionOf` gives the next cursor's position from the page's last raw row.
 */
export function locatedPage(
  db: DatabaseSync,
  rows: readonly RawRow[],
  limit: number,
  positionOf: (last: RawRow) => readonly unknown[],
): { items: LocatedFile[]; next: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const paths = new PathResolver(db);
  return {
    items: page.map((raw) => {
      const row = toFileRow(raw);
      return { ...toFileDoc(row), path: paths.of(row) };
    }),
    next: rows.length > limit && last ? encodeCursor(positionOf(last)) : null,
  };
}
