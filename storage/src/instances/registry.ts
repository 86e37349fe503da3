import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { prepared } from './prepared.ts';

export interface InstanceRecord {
  id: string;
  slug: string;
  email: string;
  quotaBytes: number;
  createdAt: string;
}

type Row = Record<string, unknown>;

function toRecord(row: Row): InstanceRecord {
  return {
    id: String(row.id),
    slug: String(row.slug),
    email: String(row.email),
    quotaBytes: Number(row.quota_bytes),
    createdAt: String(row.created_at),
  };
}

/**
 * `registry.sqlite`: which instances exist on this backend. Opened by the server and by the
 * admin CLI at the same time (WAL), so every write is a single statement.
 */
export class InstanceRegistry {
  readonly #db: DatabaseSync;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.#db = new DatabaseSync(join(dataDir, 'registry.sqlite'), { timeout: 5000 });
    this.#db.exec(`
      PRAGMA journal_mode = WAL;
      PRAGMA synchronous = NORMAL;
      CREATE TABLE IF NOT EXISTS instances (
        id TEXT PRIMARY KEY,
        slug TEXT NOT NULL UNIQUE,
        email TEXT NOT NULL,
        quota_bytes INTEGER NOT NULL,
        created_at TEXT NOT NULL
      );
    `);
  }

  byId(id: string): InstanceRecord | undefined {
    const row = prepared(this.#db, 'SELECT * FROM instances WHERE id = ?').get(id);
    return row ? toRecord(row) : undefined;
  }

  bySlug(slug: string): InstanceRecord | undefined {
    const row = prepared(this.#db, 'SELECT * FROM instances WHERE slug = ?').get(slug);
    return row ? toRecord(row) : undefined;
  }

  list(): InstanceRecord[] {
    return prepared(this.#db, 'SELECT * FROM instances ORDER BY slug').all().map(toRecord);
  }

  /** False when the id or the slug is already taken. */
  insert(record: InstanceRecord): boolean {
    const result = prepared(
      this.#db,
      `INSERT INTO instances (id, slug, email, quota_bytes, created_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT DO NOTHING`,
    ).run(record.id, record.slug, record.email, record.quotaBytes, record.createdAt);
    return result.changes === 1;
  }

  remove(id: string): void {
    prepared(this.#db, 'DELETE FROM instances WHERE id = ?').run(id);
  }

  setQuota(id: string, quotaBytes: number): void {
    prepared(this.#db, 'UPDATE instances SET quota_bytes = ? WHERE id = ?').run(quotaBytes, id);
  }

  close(): void {
    this.#db.close();
  }
}
