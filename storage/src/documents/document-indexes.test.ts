import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DocumentFilterOp, queryableFields } from '@mytoutatice/contract';
import { SqliteDb } from '@mytoutatice/sql';
import { instancePaths, type InstancePaths } from '../instances/instance-paths.ts';
import { openInstanceDb } from '../db/sqlite-instance-files.ts';
import { SCHEMA_VERSION, migrate } from '../instances/instance-migrations.ts';
import { documentQuerySql, queryDocuments, type DocumentQuery } from './document-query.ts';

const query = (overrides: Partial<DocumentQuery>): DocumentQuery => ({
  where: undefined,
  sort: undefined,
  order: 'asc',
  limit: 100,
  cursor: undefined,
  ...overrides,
});

const SQLITE = { dialect: 'sqlite' } as const;

describe('document indexes (schema step 3)', () => {
  let dir: string;
  let paths: InstancePaths;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mytoutatice-document-indexes-'));
    paths = instancePaths(dir, 'a6f1c0de-0000-4000-8000-000000000003');
    await mkdir(paths.root, { recursive: true });
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('upgrades a schema 2 database, keeping its documents and making them queryable', async () => {
    const old = new DatabaseSync(paths.database);
    migrate(old, '2025-09-01T00:00:00.000Z', 2);
    old.exec(`
      INSERT INTO documents VALUES ('io.mytoutatice.notes', 'n1', '1-a', '{"title":"Maths"}', '2025-09-05', '2025-09-06', 1);
      INSERT INTO documents VALUES ('io.mytoutatice.notes', 'n2', '3-b', '{"title":"Anglais"}', '2025-09-07', '2025-09-07', 2);
      INSERT INTO documents VALUES ('io.mytoutatice.contacts', 'c1', '1-c', '{"i":1}', '2025-09-08', '2025-09-08', 3);
      UPDATE seq SET value = 3;
    `);
    old.close();

    const raw = openInstanceDb(paths);
    const db = new SqliteDb(() => raw);
    try {
      expect(raw.prepare('PRAGMA user_version').get()?.user_version).toBe(SCHEMA_VERSION);
      expect(raw.prepare('SELECT id, rev, data FROM documents ORDER BY id').all()).toEqual([
        { id: 'c1', rev: '1-c', data: '{"i":1}' },
        { id: 'n1', rev: '1-a', data: '{"title":"Maths"}' },
        { id: 'n2', rev: '3-b', data: '{"title":"Anglais"}' },
      ]);
      const byTitle = await queryDocuments(db, 'io.mytoutatice.notes', query({ sort: 'title' }));
      expect(byTitle.items.map((doc) => doc.id)).toEqual(['n2', 'n1']);
      // A document written before validation (no fullname) still lists, sorted as ''.
      expect((await queryDocuments(db, 'io.mytoutatice.contacts', query({ sort: 'fullname' }))).items.map((doc) => doc.id)).toEqual(['c1']);
    } finally {
      raw.close();
    }
  });

  it('has an index for every sort and filter on every declared field', () => {
    const db = new DatabaseSync(paths.database);
    migrate(db, '2026-01-01T00:00:00.000Z');
    const plan = (sql: string, params: (string | number)[]) =>
      db
        .prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .all(...params)
        .map((row) => String(row.detail))
        .join(' | ');
    try {
      for (const [doctype, fields] of Object.entries(queryableFields)) {
        for (const field of fields) {
          for (const order of ['asc', 'desc'] as const) {
            const sorted = documentQuerySql(SQLITE, doctype, query({ sort: field, order }), ['', 'x', 'id']);
            // Seeks past the cursor in the field's index, already in order.
            expect(plan(sorted.sql, sorted.params), `${doctype} sort=${field} ${order}`).toMatch(/^SEARCH documents USING INDEX documents_\w+ \(doctype=\? AND \S+[<>]\?\)$/);
          }
          for (const op of DocumentFilterOp.options) {
            for (const sort of [undefined, ...fields]) {
              const filtered = documentQuerySql(SQLITE, doctype, query({ where: { field, op, value: 'a' }, sort }), ['', 'a', 'id']);
              expect(plan(filtered.sql, filtered.params), `${doctype} where=${field}:${op} sort=${sort}`).toMatch(
                new RegExp(`USING INDEX documents_\\w+ \\(doctype=\\? AND (<expr>|${field === 'updatedAt' ? 'updated_at' : '-'})`),
              );
            }
          }
        }
      }
    } finally {
      db.close();
    }
  });
});
