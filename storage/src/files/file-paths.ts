import { TRASH_ID } from '@mytoutatice/contract';
import { findFile, type FileRow } from './file-rows.ts';
import type { SqlDb } from '@mytoutatice/sql';

/** Deeper than any real tree: past it, the parent links must be broken (never loop forever). */
const MAX_DEPTH = 10_000;

export function childPath(folderPath: string, name: string): string {
  return folderPath === '/' ? `/${name}` : `${folderPath}/${name}`;
}

/**
 * Paths of items, e.g. `/Administratif/Ensap/bulletin.pdf`, remembering the folders it has
 * walked through so a page of results costs one lookup per distinct folder. A trashed item's
 * path is where it was (and will be restored to): the trash is invisible in paths.
 * One resolver per request: it does not see later writes.
 */
export class PathResolver {
  readonly #db: SqlDb;
  /** Folder id → its path. */
  readonly #folders = new Map<string, string>();

  constructor(db: SqlDb) {
    this.#db = db;
  }

  /** The item's own path; `/` for the root. */
  async of(row: FileRow): Promise<string> {
    if (row.parentId === null) return '/';
    if (row.parentId === TRASH_ID) return childPath(row.restorePath ?? '/', row.restoreName ?? row.name);
    return childPath(await this.folder(row.parentId), row.name);
  }

  /** The path of the folder `id` (`/` for the root, or when its chain is broken). */
  async folder(id: string): Promise<string> {
    const known = this.#folders.get(id);
    if (known !== undefined) return known;
    // Walk up to a folder already known (or the top), then resolve back down.
    const chain: FileRow[] = [];
    let base = '/';
    for (let next: string | null = id; next !== null; ) {
      const cached = this.#folders.get(next);
      if (cached !== undefined) {
        base = cached;
        break;
      }
      const row = await findFile(this.#db, next);
      if (!row || chain.length > MAX_DEPTH) break;
      chain.push(row);
      if (row.parentId === TRASH_ID) break;
      next = row.parentId;
    }
    let path = base;
    for (const row of chain.reverse()) {
      path = row.parentId === null ? '/' : row.parentId === TRASH_ID ? await this.of(row) : childPath(path, row.name);
      this.#folders.set(row.id, path);
    }
    return path;
  }
}

/** `id` and its ancestors, up to MAX_DEPTH: one statement, not one per level. */
const ANCESTRY_HOLDS = `
  WITH RECURSIVE up (id, parent_id, depth) AS (
    SELECT id, parent_id, 0 FROM files WHERE id = ?
    UNION ALL
    SELECT files.id, files.parent_id, up.depth + 1 FROM files JOIN up ON files.id = up.parent_id WHERE up.depth < ?
  )
  SELECT 1 AS hit FROM up WHERE id = ? LIMIT 1`;

/** True when `id` is `ancestorId` or lies somewhere below it. */
export async function isSelfOrDescendant(db: SqlDb, id: string, ancestorId: string): Promise<boolean> {
  if (id === ancestorId) return true;
  return (await db.get(ANCESTRY_HOLDS, id, MAX_DEPTH, ancestorId)) !== undefined;
}
