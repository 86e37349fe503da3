import { randomUUID } from 'node:crypto';
import { createWriteStream, type Dirent } from 'node:fs';
import { copyFile, link, mkdir, open, opendir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BlobMissingError, assertSafeNames, isBlobKey, type BlobStore, type ByteRange, type StoredBlob } from './blob-store.ts';
import { blobPath, instancePaths, type InstancePaths } from '../instances/instance-paths.ts';
import { syncDirectory, syncFile } from './durable-fs.ts';
import { meter } from './metered-body.ts';

/** Removals in flight at once: an emptied trash may hold 100 000 files. */
const REMOVE_BATCH = 64;
const READ_CHUNK_BYTES = 1024 * 1024;

function errorCode(error: unknown): unknown {
  return (error as { code?: unknown } | null)?.code;
}

/** Rethrows "no such file" as the blob's absence, anything else as it is. */
function missingAs(instanceId: string, key: string): (error: unknown) => never {
  return (error) => {
    throw errorCode(error) === 'ENOENT' ? new BlobMissingError(instanceId, key) : error;
  };
}

/**
 * Blobs as files, laid out as the storage always has: `<dataDir>/instances/<id>/content/<first
 * 2 chars of the key>/<key>`, written to `<id>/tmp/` first, fsynced, then renamed into place.
 */
export class FsBlobStore implements BlobStore {
  readonly #dataDir: string;
  /** A resumable upload is staged on the same disk: adopting it is a link, nothing to send ahead. */
  readonly parts = undefined;

  constructor(dataDir: string) {
    this.#dataDir = dataDir;
  }

  /** The instance's folders: one definition of the layout, shared with the rest of the storage. */
  #paths(instanceId: string): InstancePaths {
    return instancePaths(this.#dataDir, instanceId);
  }

  #path(instanceId: string, key: string): string {
    assertSafeNames(instanceId, key);
    return blobPath(this.#paths(instanceId), key);
  }

  async #newTemp(instanceId: string): Promise<string> {
    const { tmp } = this.#paths(instanceId);
    await mkdir(tmp, { recursive: true });
    return join(tmp, randomUUID());
  }

  /** Moves a complete, fsynced temp file over `key` (replacing it atomically), durably. */
  async #publish(instanceId: string, temp: string, key: string): Promise<void> {
    const path = this.#path(instanceId, key);
    const shard = dirname(path);
    await mkdir(shard, { recursive: true });
    await rename(temp, path);
    await syncDirectory(shard);
  }

  async write(instanceId: string, key: string, body: Readable, limit: number, overLimit: () => Error): Promise<StoredBlob> {
    assertSafeNames(instanceId, key);
    const temp = await this.#newTemp(instanceId);
    const metered = meter(body, limit, overLimit);
    try {
      await pipeline(metered.stream, createWriteStream(temp, { flags: 'wx', flush: true }));
      await this.#publish(instanceId, temp, key);
    } catch (error) {
      await rm(temp, { force: true });
      throw metered.failure(error);
    }
    return metered.stored();
  }

  async read(instanceId: string, key: string, range?: ByteRange): Promise<Readable> {
    const path = this.#path(instanceId, key);
    // Opened now, so a missing blob fails here rather than mid-stream.
    const handle = await open(path, 'r').catch(missingAs(instanceId, key));
    // 1 MiB reads: a quarter of the chunks (and of the per-chunk work on each hop) of the 64 KiB default.
    return handle.createReadStream({ highWaterMark: READ_CHUNK_BYTES, ...(range ? { start: range.start, end: range.end } : {}) });
  }

  async localFile(instanceId: string, key: string): Promise<string> {
    const path = resolve(this.#path(instanceId, key));
    await stat(path).catch(missingAs(instanceId, key));
    return path;
  }

  /**
   * A hard link costs no disk: blobs are never written in place (a write renames a new file
   * over the path), so the two can never diverge.
   */
  async copy(instanceId: string, from: string, to: string): Promise<void> {
    assertSafeNames(to);
    await this.#placeLinkOf(instanceId, this.#path(instanceId, from), to).catch(missingAs(instanceId, from));
  }

  /** fsync, then a link into place: the upload's gigabytes are not copied. */
  async adopt(instanceId: string, key: string, path: string): Promise<void> {
    assertSafeNames(instanceId, key);
    await syncFile(path);
    await this.#placeLinkOf(instanceId, path, key);
  }

  /**
   * Publishes `source` as `key` through a link in tmp/; where links are not possible (another
   * device, some file systems), a real copy, fsynced.
   */
  async #placeLinkOf(instanceId: string, source: string, key: string): Promise<void> {
    const temp = await this.#newTemp(instanceId);
    try {
      try {
        await link(source, temp);
      } catch (error) {
        const code = errorCode(error);
        if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EMLINK') throw error;
        await copyFile(source, temp);
        await syncFile(temp);
      }
      await this.#publish(instanceId, temp, key);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }

  async remove(instanceId: string, keys: readonly string[]): Promise<void> {
    const paths = keys.map((key) => this.#path(instanceId, key));
    for (let start = 0; start < paths.length; start += REMOVE_BATCH) {
      await Promise.all(paths.slice(start, start + REMOVE_BATCH).map((path) => rm(path, { force: true })));
    }
  }

  async *keys(instanceId: string): AsyncIterable<string> {
    assertSafeNames(instanceId);
    const { content } = this.#paths(instanceId);
    for await (const shard of await entriesOf(content)) {
      if (!shard.isDirectory()) continue;
      for await (const entry of await entriesOf(join(content, shard.name))) {
        // Only what this store could have written: stray files are fsck's orphans to report.
        if (entry.isFile() && isBlobKey(entry.name) && entry.name.startsWith(shard.name)) yield entry.name;
      }
    }
  }

  async modifiedAt(instanceId: string, key: string): Promise<number | undefined> {
    const stats = await stat(this.#path(instanceId, key)).catch(() => undefined);
    return stats?.isFile() ? stats.mtimeMs : undefined;
  }

  close(): void {
    // Nothing held between calls: every file handle is closed by the call that opened it.
  }

  /** The content and temp folders; the instance's database beside them is not the store's. */
  async removeInstance(instanceId: string): Promise<void> {
    assertSafeNames(instanceId);
    const { content, tmp } = this.#paths(instanceId);
    await rm(content, { recursive: true, force: true });
    await rm(tmp, { recursive: true, force: true });
  }
}

async function entriesOf(dir: string): Promise<AsyncIterable<Dirent> | Dirent[]> {
  try {
    return await opendir(dir);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return [];
    throw error;
  }
}
