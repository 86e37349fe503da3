import type { MetadataBackend } from '../db/metadata-backend.ts';
import type { SqlDb } from '../db/sql-db.ts';
import { instancePaths, type InstancePaths } from './instance-db.ts';

/** Each instance's metadata database and where its files live on disk. */
export class InstanceDatabases {
  readonly #dataDir: string;
  readonly #backend: MetadataBackend;

  constructor(dataDir: string, backend: MetadataBackend) {
    this.#dataDir = dataDir;
    this.#backend = backend;
  }

  paths(instanceId: string): InstancePaths {
    return instancePaths(this.#dataDir, instanceId);
  }

  db(instanceId: string): SqlDb {
    return this.#backend.instance(instanceId);
  }
}
