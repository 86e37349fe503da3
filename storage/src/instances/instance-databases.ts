import type { DatabaseSync } from 'node:sqlite';
import { instancePaths, openInstanceDb, type InstancePaths } from './instance-db.ts';

const DEFAULT_MAX_OPEN = 64;

/**
 * Open database handles per instance, least recently used closed first. A request only ever
 * asks for its own instance's handle, and uses it synchronously (never across an `await`), so an
 * eviction can never close a handle under someone's feet.
 */
export class InstanceDatabases {
  readonly #dataDir: string;
  readonly #maxOpen: number;
  readonly #open = new Map<string, DatabaseSync>();

  constructor(dataDir: string, maxOpen = DEFAULT_MAX_OPEN) {
    this.#dataDir = dataDir;
    this.#maxOpen = maxOpen;
  }

  paths(instanceId: string): InstancePaths {
    return instancePaths(this.#dataDir, instanceId);
  }

  db(instanceId: string): DatabaseSync {
    const cached = this.#open.get(instanceId);
    if (cached) {
      this.#open.delete(instanceId);
      this.#open.set(instanceId, cached);
      return cached;
    }
    const db = openInstanceDb(this.paths(instanceId));
    if (this.#open.size >= this.#maxOpen) {
      const oldest = this.#open.entries().next();
      if (!oldest.done) {
        this.#open.delete(oldest.value[0]);
        oldest.value[1].close();
      }
    }
    this.#open.set(instanceId, db);
    return db;
  }

  close(): void {
    for (const db of this.#open.values()) db.close();
    this.#open.clear();
  }
}
