import type { DatabaseSync } from 'node:sqlite';
import { prepared } from '../instances/prepared.ts';
import { toFileRow, type FileRow } from './file-rows.ts';

const SUBTREE = `
  WITH RECURSIVE subtree (id, depth) AS (
    SELECT ?, 0
    UNION ALL
    SELECT files.id, subtree.depth + 1 FROM files JOIN subtree ON files.parent_id = subtree.id
  )
  SELECT files.* FROM subtree JOIN files USING (id) ORDER BY subtree.depth`;

/** The item and everything below it, parents before their children. */
export function subtree(db: DatabaseSync, id: string): FileRow[] {
  return prepared(db, SUBTREE).all(id).map(toFileRow);
}
