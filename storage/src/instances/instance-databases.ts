import type { BlobStore } from '../blobs/blob-store.ts';
import type { MetadataBackend } from '../db/metadata-backend.ts';
import type { SqlDb } from '@mytoutatice/sql';
import { instancePaths, type InstancePaths } from './instance-paths.ts';

/** Each instance's metadata database and content (blob) store. */
export class InstanceDatabases {
  readonly #dataDir: string;
  readonly #backend: MetadataBackend;
  readonly blobs: BlobStore;

  constructor(dataDir: string, backend: MetadataBackend, blobs: BlobStore) {
    this.#dataDir = dataDir;
    this.#backend = backend;
    this.blobs = blobs;
  }

  /** The instance's folder under the data dir (its SQLite file, and its blobs on the `fs` store). */
  paths(instanceId: string): InstancePaths {
    return instancePaths(this.#dataDir, instanceId);
  }

  db(instanceId: string): SqlDb {
    return this.#backend.instance(instanceId);
  }
}
