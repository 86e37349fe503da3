import type { Readable } from 'node:stream';

/** What a write learnt on the way: enough to check a digest and sniff a type without reading back. */
export interface StoredBlob {
  size: number;
  sha256: Buffer;
  /** The first bytes (at most HEAD_BYTES), for sniffing the type. */
  head: Buffer;
}

export interface ByteRange {
  start: number;
  /** Inclusive. */
  end: number;
}

/** Where file contents live: files on disk (embedded default) or S3-compatible object storage. */
export interface BlobStore {
  /**
   * Streams `body` into blob `key` of the instance (never whole in memory); durable once it
   * resolves; if it rejects nothing is left (no temp file, no object, no multipart upload).
   * Rejects with `overLimit()` as soon as more than `limit` bytes arrive, and with a 400 when
   * the body aborts.
   */
  write(instanceId: string, key: string, body: Readable, limit: number, overLimit: () => Error): Promise<StoredBlob>;
  /** The bytes (or a range). A missing blob rejects with BlobMissingError. */
  read(instanceId: string, key: string, range?: ByteRange): Promise<Readable>;
  /**
   * The local file holding the blob, for a front on the same machine that sends it itself;
   * undefined when blobs are not local files (S3). A missing blob rejects with BlobMissingError.
   */
  localFile(instanceId: string, key: string): Promise<string | undefined>;
  /** A second blob with the same bytes (replacing `to` if it exists). A missing `from` rejects with BlobMissingError. */
  copy(instanceId: string, from: string, to: string): Promise<void>;
  /**
   * Makes the complete local file at `path` (a finished resumable upload) blob `key`, replacing
   * it; durable once it resolves, nothing left if it rejects. `path` stays where it is for the
   * caller to remove, and must not be written again: the fs store links it rather than copy
   * gigabytes, the S3 store streams it up.
   */
  adopt(instanceId: string, key: string, path: string): Promise<void>;
  /**
   * Where a resumable upload sends its bytes as they arrive, so its last request only has to
   * complete them: S3's multipart upload on the blob's own key. Undefined when adopting the
   * finished local file costs nothing (the fs store links it).
   */
  readonly parts: BlobParts | undefined;
  /** Removes these blobs, in batches; missing ones are fine. */
  remove(instanceId: string, keys: readonly string[]): Promise<void>;
  /** Every blob key of the instance, for fsck. */
  keys(instanceId: string): AsyncIterable<string>;
  /** When the blob was last written (ms since the epoch), undefined when missing: fsck's grace for writes in progress. */
  modifiedAt(instanceId: string, key: string): Promise<number | undefined>;
  /** Everything the store holds for the instance, for deleting a space. */
  removeInstance(instanceId: string): Promise<void>;
  /** Lets go of connections (S3); the store is not used after. */
  close(): void;
}

/** One part held for a blob in the making. */
export interface BlobPart {
  /** From 1. */
  number: number;
  size: number;
}

/**
 * A blob written in numbered parts over many requests, made whole by `complete`. Every part but
 * the last has at least `minPartBytes`; there are at most `maxParts`. Parts cost storage until
 * the blob is completed or aborted: whoever begins one ends it.
 */
export interface BlobParts {
  readonly minPartBytes: number;
  readonly maxParts: number;
  /** Starts blob `key` of the instance; answers the id its parts go under. */
  begin(instanceId: string, key: string): Promise<string>;
  /** Part `number` of `size` bytes from `body`, durable once it resolves, replacing any earlier part of that number. */
  put(instanceId: string, key: string, uploadId: string, number: number, body: Readable, size: number): Promise<void>;
  /** The parts held, by number: where to go on after a restart. */
  list(instanceId: string, key: string, uploadId: string): Promise<BlobPart[]>;
  /** Makes the parts, in order, blob `key` (replacing it); durable once it resolves. */
  complete(instanceId: string, key: string, uploadId: string): Promise<void>;
  /** Drops the parts; fine when they are already completed or aborted. */
  abort(instanceId: string, key: string, uploadId: string): Promise<void>;
}

/** Bytes kept from the start of a write for sniffing. */
export const HEAD_BYTES = 4096;

export class BlobMissingError extends Error {
  readonly instanceId: string;
  readonly key: string;

  constructor(instanceId: string, key: string) {
    super(`blob missing: ${instanceId}/${key}`);
    this.name = 'BlobMissingError';
    this.instanceId = instanceId;
    this.key = key;
  }
}

/**
 * Keys and instance ids are ids the server made (uuids), never user input: anything else is a
 * bug, refused before it can become a path or an object key (`..`, `/`, `%`, unicode).
 */
const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{1,127}$/;

export function isBlobKey(name: string): boolean {
  return SAFE_NAME.test(name);
}

export function assertSafeNames(...names: string[]): void {
  for (const name of names) {
    if (!SAFE_NAME.test(name)) throw new TypeError(`not a blob key or instance id: ${JSON.stringify(name)}`);
  }
}
