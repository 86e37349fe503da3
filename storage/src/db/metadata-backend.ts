import type { SqlDb } from '@mytoutatice/sql';

/**
 * Where metadata lives: the registry of instances and one isolated database per instance —
 * SQLite files under the data dir (embedded) or schemas of one PostgreSQL database.
 */
export interface MetadataBackend {
  /** The registry (`instances` table), created if missing. */
  readonly registry: SqlDb;
  /** An existing instance's database, cheap to ask for on every request. */
  instance(instanceId: string): SqlDb;
  /** Lays out a new instance's database with the current schema, its root and trash folders. */
  createInstance(instanceId: string, now: string): Promise<void>;
  /** Drops an instance's database (its content is the blob store's). */
  removeInstance(instanceId: string): Promise<void>;
  close(): Promise<void>;
}
