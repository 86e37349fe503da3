import type { DatabaseSync } from 'node:sqlite';
import type { Change, ChangeBatch } from '@mytoutatice/contract';
import { prepared } from '../instances/prepared.ts';

/**
 * Each source sorted by seq and cut at the limit on its own (so an index on `seq` serves it),
 * then merged. Rows carry the seq of their last write; a destroyed file or document leaves a
 * tombstone with the seq of its destruction.
 */
const FILES = `SELECT seq, 'file' AS kind, id, NULL AS doctype, parent_id, 0 AS deleted FROM files`;
const DOCUMENTS = `SELECT seq, 'document' AS kind, id, doctype, NULL AS parent_id, 0 AS deleted FROM documents`;
const TOMBSTONES = `SELECT seq, kind, id, doctype, NULL AS parent_id, 1 AS deleted FROM tombstones`;

function pageSql(sources: string[]): string {
  const parts = sources.map((source) => `SELECT * FROM (${source} WHERE seq > $since ORDER BY seq LIMIT $limit)`);
  return `SELECT * FROM (${parts.join(' UNION ALL ')}) ORDER BY seq, kind, id LIMIT $limit`;
}

function groupSql(sources: string[]): string {
  return `SELECT * FROM (${sources.map((source) => `${source} WHERE seq = $seq`).join(' UNION ALL ')}) ORDER BY kind, id`;
}

const WITH_TOMBSTONES = { page: pageSql([FILES, DOCUMENTS, TOMBSTONES]), group: groupSql([FILES, DOCUMENTS, TOMBSTONES]) };
const WITHOUT_TOMBSTONES = { page: pageSql([FILES, DOCUMENTS]), group: groupSql([FILES, DOCUMENTS]) };

const hasTombstones = new WeakMap<DatabaseSync, boolean>();

/** The tombstones table came with a later schema: looked up once per handle. */
function queries(db: DatabaseSync): typeof WITH_TOMBSTONES {
  let found = hasTombstones.get(db);
  if (found === undefined) {
    found = prepared(db, `SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'tombstones'`).get() !== undefined;
    hasTombstones.set(db, found);
  }
  return found ? WITH_TOMBSTONES : WITHOUT_TOMBSTONES;
}

function toChange(row: Record<string, unknown>): Change {
  const kind = row.kind === 'document' ? 'document' : 'file';
  const change: Change = { seq: Number(row.seq), kind, id: String(row.id), deleted: row.deleted === 1 };
  if (row.doctype !== null && row.doctype !== undefined) change.doctype = String(row.doctype);
  if (kind === 'file' && !change.deleted) change.parentId = row.parent_id === null ? null : String(row.parent_id);
  return change;
}

/**
 * Changes with a seq above `since`, in seq order, about `limit` of them: one write's changes
 * (one seq) are never split across pages, since the next page starts after `last`.
 */
export function readChanges(db: DatabaseSync, since: number, limit: number): ChangeBatch {
  const sql = queries(db);
  const rows = prepared(db, sql.page).all({ since, limit: limit + 1 });
  let page = rows;
  if (rows.length > limit) {
    const cut = Number(rows[limit]?.seq);
    page = rows.slice(0, limit).filter((row) => Number(row.seq) !== cut);
    // A single write larger than the page: served whole.
    if (page.length === 0) page = prepared(db, sql.group).all({ seq: cut });
  }
  const changes = page.map(toChange);
  return { changes, last: changes.at(-1)?.seq ?? since };
}

/** The instance's sequence now: where a live follower starts. */
export function currentSeq(db: DatabaseSync): number {
  return Number(prepared(db, 'SELECT value FROM seq WHERE id = 1').get()?.value ?? 0);
}
