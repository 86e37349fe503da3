import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteDb } from '@mytoutatice/sql';
import { currentSeq, readChanges } from './feed.ts';

/** The tables the feed reads, in the shape the instance schema gives them. */
function fixture(): DatabaseSync {
  const db = new DatabaseSync(':memory:');
  db.exec(`
    CREATE TABLE files (id TEXT PRIMARY KEY, parent_id TEXT, seq INTEGER NOT NULL);
    CREATE TABLE documents (doctype TEXT NOT NULL, id TEXT NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (doctype, id));
    CREATE TABLE seq (id INTEGER PRIMARY KEY CHECK (id = 1), value INTEGER NOT NULL);
    INSERT INTO seq VALUES (1, 0);
    INSERT INTO files VALUES ('root', NULL, 0);
    CREATE TABLE tombstones (
      id TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('file', 'document')),
      doctype TEXT,
      seq INTEGER NOT NULL
    );
  `);
  return db;
}

describe(readChanges.name, () => {
  let db: DatabaseSync;
  let feed: SqliteDb;
  beforeEach(() => {
    db = fixture();
    feed = new SqliteDb(() => db);
  });
  afterEach(() => db.close());

  const file = (id: string, parent: string, seq: number) => db.prepare('INSERT INTO files VALUES (?, ?, ?)').run(id, parent, seq);
  const doc = (doctype: string, id: string, seq: number) => db.prepare('INSERT INTO documents VALUES (?, ?, ?)').run(doctype, id, seq);
  const tombstone = (id: string, kind: string, doctype: string | null, seq: number) =>
    db.prepare('INSERT INTO tombstones VALUES (?, ?, ?, ?)').run(id, kind, doctype, seq);

  it('merges files, documents and tombstones in seq order, after `since`', async () => {
    file('a', 'root', 1);
    doc('io.mytoutatice.notes', 'n1', 2);
    file('b', 'a', 4);
    tombstone('gone', 'file', null, 3);
    tombstone('n0', 'document', 'io.mytoutatice.notes', 5);

    expect(await readChanges(feed, 0, 100)).toEqual({
      changes: [
        { seq: 1, kind: 'file', id: 'a', parentId: 'root', deleted: false },
        { seq: 2, kind: 'document', id: 'n1', doctype: 'io.mytoutatice.notes', deleted: false },
        { seq: 3, kind: 'file', id: 'gone', deleted: true },
        { seq: 4, kind: 'file', id: 'b', parentId: 'a', deleted: false },
        { seq: 5, kind: 'document', id: 'n0', doctype: 'io.mytoutatice.notes', deleted: true },
      ],
      last: 5,
    });
    expect((await readChanges(feed, 3, 100)).changes.map((change) => change.seq)).toEqual([4, 5]);
    expect(await readChanges(feed, 5, 100)).toEqual({ changes: [], last: 5 });
  });

  it('pages by `limit` without splitting one write across pages', async () => {
    file('a', 'root', 1);
    file('b', 'root', 2);
    file('c', 'root', 2);
    file('d', 'root', 2);
    file('e', 'root', 3);

    const first = await readChanges(feed, 0, 2);
    expect(first).toEqual({ changes: [expect.objectContaining({ id: 'a' })], last: 1 });
    // Seq 2 holds three rows, more than a page: served whole rather than never.
    const second = await readChanges(feed, first.last, 2);
    expect(second.changes.map((change) => change.id)).toEqual(['b', 'c', 'd']);
    expect((await readChanges(feed, second.last, 2)).changes.map((change) => change.id)).toEqual(['e']);
  });

  it('reads the current seq', async () => {
    db.exec('UPDATE seq SET value = 42');
    expect(await currentSeq(feed)).toBe(42);
  });
});
