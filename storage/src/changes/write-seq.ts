import type { SqlDb } from '@mytoutatice/sql';

/** The next value of the instance's write sequence; call inside the write's transaction. */
export async function bumpSeq(db: SqlDb): Promise<number> {
  const row = await db.get('UPDATE seq SET value = value + 1 WHERE id = 1 RETURNING value');
  return Number(row?.value);
}

/**
 * Remembers a destroyed row for the changes feed, with its own sequence number; call inside the
 * destroying transaction so the row and its tombstone never disagree.
 */
export async function writeTombstone(db: SqlDb, kind: 'file' | 'document', id: string, doctype: string | null = null): Promise<void> {
  await db.run('INSERT INTO tombstones (id, kind, doctype, seq) VALUES (?, ?, ?, ?)', id, kind, doctype, await bumpSeq(db));
}
