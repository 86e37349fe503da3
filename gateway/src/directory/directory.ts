import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

export type DirectoryEntry = {
  sub: string;
  instanceId: string;
  slug: string;
  /** Base URL of the storage backend serving this space. */
  backendUrl: string;
  createdAt: string;
};

/**
 * Maps an ENT identity (`sub`) to the space it owns and the backend that hosts it. This is
 * routing, not user data: the space itself lives on its backend.
 */
export class Directory {
  private readonly db: DatabaseSync;
  private readonly bySub = new Map<string, DirectoryEntry>();
  private readonly bySlug = new Map<string, DirectoryEntry>();
  private readonly byInstance = new Map<string, DirectoryEntry>();

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.db = new DatabaseSync(join(dataDir, 'directory.sqlite'));
    this.db.exec(`
      PRAGMA journal_mode = WAL;
      CREATE TABLE IF NOT EXISTS spaces (
        sub TEXT PRIMARY KEY,
        instance_id TEXT NOT NULL UNIQUE,
        slug TEXT NOT NULL UNIQUE,
        backend_url TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
    `);
  }

  find(sub: string): DirectoryEntry | undefined {
    return this.bySub.get(sub) ?? this.findWhere('sub', sub);
  }

  /** The space at this address (a DAV client's user name). */
  findBySlug(slug: string): DirectoryEntry | undefined {
    return this.bySlug.get(slug) ?? this.findWhere('slug', slug);
  }

  /** The space of an instance (a download link names only that), whatever node hosts it. */
  findByInstance(instanceId: string): DirectoryEntry | undefined {
    return this.byInstance.get(instanceId) ?? this.findWhere('instance_id', instanceId);
  }

  /**
   * Entries never change once added, so a found one is kept (these run on every request);
   * a miss is not, so a space made since is found at once.
   */
  private findWhere(column: 'sub' | 'slug' | 'instance_id', value: string): DirectoryEntry | undefined {
    const row = this.db
      .prepare(`SELECT sub, instance_id, slug, backend_url, created_at FROM spaces WHERE ${column} = ?`)
      .get(value) as Record<string, string> | undefined;
    if (!row) return undefined;
    const entry = toEntry(row);
    this.remember(entry);
    return entry;
  }

  private remember(entry: DirectoryEntry): void {
    this.bySub.set(entry.sub, entry);
    this.bySlug.set(entry.slug, entry);
    this.byInstance.set(entry.instanceId, entry);
  }

  slugTaken(slug: string): boolean {
    return this.db.prepare('SELECT 1 FROM spaces WHERE slug = ?').get(slug) !== undefined;
  }

  add(entry: DirectoryEntry): void {
    this.db
      .prepare('INSERT INTO spaces (sub, instance_id, slug, backend_url, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(entry.sub, entry.instanceId, entry.slug, entry.backendUrl, entry.createdAt);
    this.remember(entry);
  }

  close(): void {
    this.db.close();
  }
}

function toEntry(row: Record<string, string>): DirectoryEntry {
  return {
    sub: String(row.sub),
    instanceId: String(row.instance_id),
    slug: String(row.slug),
    backendUrl: String(row.backend_url),
    createdAt: String(row.created_at),
  };
}
