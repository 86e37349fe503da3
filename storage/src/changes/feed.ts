import type { Change, ChangeBatch } from '@mytoutatice/contract';
import type { Row, SqlDb } from '@mytoutatice/sql';

/**
 * Each source sorted by seq and cut at the limit on its own (so an index on `seq` serves it),
 * then merged. Rows carry the seq of their last write; a destroyed file or document leaves a
 * tombstone with the seq of its destruction.
 */
const SOURCES = [
  `SELECT seq, 'file' AS kind, id, NULL AS doctype, parent_id, 0 AS deleted FROM files`,
  `SELECT seq, 'document' AS kind, id, doctype, NULL AS parent_id, 0 AS deleted FROM documents`,
  `SELECT seq, kind, id, doctype, NULL AS parent_id, 1 AS deleted FROM tombstones`,
];

const PAGE = `SELECT * FROM (${SOURCES.map(
  (source, index) => `SELECT * FROM (${source} WHERE seq > ? ORDER BY seq LIMIT ?) AS s${index}`,
).join(' UNION ALL ')}) AS merged ORDER BY seq, kind, id LIMIT ?`;

const GROUP = `SELECT * FROM (${SOURCES.map((source) => `${source} WHERE seq = ?`).join(' UNION ALL ')}) AS one_write
  ORDER BY kind, id`;

function toChange(row: Row): Change {
  const kind = row.kind === 'document' ? 'document' : 'file';
  const change: Change = { seq: Number(row.seq), kind, id: String(row.id), deleted: Number(row.deleted) === 1 };
  if (row.doctype !== null && row.doctype !== undefined) change.doctype = String(row.doctype);
  if (kind === 'file' && !change.deleted) change.parentId = row.parent_id === null ? null : String(row.parent_id);
  return change;
}

/**
 * Changes with a seq above `since`, in seq order, about `limit` of them: one write's changes
 * (one seq) are never split across pages, since the next page starts after `last`.
 */
export async function readChanges(db: SqlDb, since: number, limit: number): Promise<ChangeBatch> {
  const wanted = limit + 1;
  const rows = await db.all(PAGE, ...SOURCES.flatMap(() => [since, wanted]), wanted);
  let page = rows;
  if (rows.length > limit) {
    const cut = Number(rows[limit]?.seq);
    page = rows.slice(0, limit).filter((row) => Number(row.seq) !== cut);
    // A single write larger than the page: served whole.
    if (page.length === 0) page = await db.all(GROUP, ...SOURCES.map(() => cut));
  }
  const changes = page.map(toChange);
  return { changes, last: changes.at(-1)?.seq ?? since };
}

/** Pages read for one answer to a caller who sees only some changes; past it, `last` moves on empty. */
const MAX_FILTERED_PAGES = 10;

/** What a caller who sees only some changes is shown of a batch: some of them, or as it must see them (SubtreeView). */
export type ChangeSelector = (batch: ChangeBatch) => Change[] | Promise<Change[]>;

/**
 * Like `readChanges`, showing only what `select` makes of each page (a scoped token's types, a
 * shared folder's subtree), reading on while whole pages show nothing so that `last` moves past
 * them. `last` may still be behind the feed's end (MAX_FILTERED_PAGES): read again from it.
 */
export async function readVisibleChanges(db: SqlDb, since: number, limit: number, select: ChangeSelector): Promise<ChangeBatch> {
  let last = since;
  for (let page = 0; page < MAX_FILTERED_PAGES; page++) {
    const batch = await readChanges(db, last, limit);
    const changes = await select(batch);
    if (changes.length > 0 || batch.last === last) return { changes, last: batch.last };
    last = batch.last;
  }
  return { changes: [], last };
}

/** The instance's sequence now: where a live follower starts. */
export async function currentSeq(db: SqlDb): Promise<number> {
  return Number((await db.get('SELECT value FROM seq WHERE id = 1'))?.value ?? 0);
}
