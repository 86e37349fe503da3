import type { Row, SqlDb } from '@mytoutatice/sql';

export interface InstanceRecord {
  id: string;
  slug: string;
  email: string;
  quotaBytes: number;
  createdAt: string;
}

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
 * Which instances exist on this backend: the rows of the `instances` table, kept in the registry
 * database (`registry.sqlite`, or the `registry` schema on PostgreSQL). Written by the server and
 * by the admin CLI at the same time, so every write is a single statement.
 */
export class InstanceRecords {
  readonly #db: SqlDb;

  constructor(db: SqlDb) {
    this.#db = db;
  }

  async byId(id: string): Promise<InstanceRecord | undefined> {
    const row = await this.#db.get('SELECT * FROM instances WHERE id = ?', id);
    return row ? toRecord(row) : undefined;
  }

  async bySlug(slug: string): Promise<InstanceRecord | undefined> {
    const row = await this.#db.get('SELECT * FROM instances WHERE slug = ?', slug);
    return row ? toRecord(row) : undefined;
  }

  async list(): Promise<InstanceRecord[]> {
    return (await this.#db.all('SELECT * FROM instances ORDER BY slug')).map(toRecord);
  }

  /** False when the id or the slug is already taken. */
  async insert(record: InstanceRecord): Promise<boolean> {
    const changes = await this.#db.run(
      `INSERT INTO instances (id, slug, email, quota_bytes, created_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT DO NOTHING`,
      record.id,
      record.slug,
      record.email,
      record.quotaBytes,
      record.createdAt,
    );
    return changes === 1;
  }

  async remove(id: string): Promise<void> {
    await this.#db.run('DELETE FROM instances WHERE id = ?', id);
  }

  async setQuota(id: string, quotaBytes: number): Promise<void> {
    await this.#db.run('UPDATE instances SET quota_bytes = ? WHERE id = ?', quotaBytes, id);
  }
}
