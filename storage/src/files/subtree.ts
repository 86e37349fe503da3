import { toFileRow, type FileRow } from './file-rows.ts';
import type { SqlDb } from '@mytoutatice/sql';

const SUBTREE = `
  WITH RECURSIVE subtree (id, depth) AS (
    SELECT id, 0 FROM files WHERE id = ?
    UNION ALL
    SELECT files.id, subtree.depth + 1 FROM files JOIN subtree ON files.parent_id = subtree.id
  )
  SELECT files.* FROM subtree JOIN files USING (id) ORDER BY subtree.depth`;

/** The item and everything below it, parents before their children. */
export async function subtree(db: SqlDb, id: string): Promise<FileRow[]> {
  return (await db.all(SUBTREE, id)).map(toFileRow);
}
