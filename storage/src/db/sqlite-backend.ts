import { mkdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { createInstanceFiles, openInstanceDb } from './sqlite-instance-files.ts';
import { instancePaths } from '../instances/instance-paths.ts';
import { EPOCH, forgetQueue, markDue } from '../jobs/due-index.ts';
import { dueIndexDdl, jobTablesDdl } from '../jobs/job-tables.ts';
import type { MetadataBackend } from './metadata-backend.ts';
import { SqliteDb } from '@mytoutatice/sql';

const DEFAULT_MAX_OPEN = 64;

const REGISTRY_SCHEMA = `
  CREATE TABLE IF NOT EXISTS instances (
    id TEXT PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    email TEXT NOT NULL,
    quota_bytes INTEGER NOT NULL,
    created_at TEXT NOT NULL
  );
  ${dueIndexDdl('sqlite')}
  ${jobTablesDdl('sqlite')}`;

function openRegistry(dataDir: string): DatabaseSync {
  mkdirSync(dataDir, { recursive: true });
  const db = new DatabaseSync(join(dataDir, 'registry.sqlite'), { timeout: 5000 });
  db.exec(`PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; ${REGISTRY_SCHEMA}`);
  return db;
}

/**
 * Embedded metadata: `registry.sqlite` and `instances/<id>/meta.sqlite` under the data dir,
 * opened by the server and the admin CLI at once (WAL). Instance handles stay open for the
 * most recently used instances, least recently used closed first.
 */
export class SqliteBackend implements MetadataBackend {
  readonly registry: SqliteDb;
  readonly #dataDir: string;
  readonly #maxOpen: number;
  readonly #open = new Map<string, SqliteDb>();

  constructor(dataDir: string, maxOpen = DEFAULT_MAX_OPEN) {
    this.#dataDir = dataDir;
    this.#maxOpen = maxOpen;
    this.registry = new SqliteDb(() => openRegistry(dataDir));
  }

  instance(instanceId: string): SqliteDb {
    const cached = this.#open.get(instanceId);
    if (cached) {
      this.#open.delete(instanceId);
      this.#open.set(instanceId, cached);
      return cached;
    }
    const paths = instancePaths(this.#dataDir, instanceId);
    const db = new SqliteDb(() => openInstanceDb(paths));
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

  async createInstance(instanceId: string, now: string): Promise<void> {
    createInstanceFiles(instancePaths(this.#dataDir, instanceId), now);
    // Its first jobs (the steps queue them) are due.
    await markDue(this.registry, this.registry, instanceId, EPOCH);
  }

  async removeInstance(instanceId: string): Promise<void> {
    this.#open.get(instanceId)?.close();
    this.#open.delete(instanceId);
    await forgetQueue(this.registry, instanceId);
    const { database } = instancePaths(this.#dataDir, instanceId);
    await Promise.all(['', '-wal', '-shm'].map((suffix) => rm(`${database}${suffix}`, { force: true })));
  }

  async close(): Promise<void> {
    for (const db of this.#open.values()) db.close();
    this.#open.clear();
    this.registry.close();
  }
}
