import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { dirname, join } from 'node:path';
import { Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { FileStore } from '@tus/file-store';
import type { Upload } from '@tus/server';
import type { BlobParts, BlobStore } from '../blobs/blob-store.ts';
import { syncDirectory, syncFile } from '../blobs/durable-fs.ts';
import { UPLOAD_EXPIRY_MS } from './expired-uploads.ts';
import { instanceIdOf } from './upload-ids.ts';
import { readUploadRecord, type PartedBlob } from './upload-folder.ts';
import { RunningHashes } from './running-hashes.ts';

type FileHandle = Awaited<ReturnType<typeof open>>;

async function writeAll(file: FileHandle, chunk: Buffer, position: number): Promise<void> {
  for (let done = 0; done < chunk.length; ) {
    const { bytesWritten } = await file.write(chunk, done, chunk.length - done, position + done);
    done += bytesWritten;
  }
}

/** Parts of one size (the last one shorter), so part n always holds the same bytes, after a restart too. */
function partBytesFor(parts: BlobParts, size: number): number {
  return Math.max(parts.minPartBytes, Math.ceil(size / parts.maxParts));
}

/**
 * @tus/file-store with what we need on top: no deferred length (the size is checked against the
 * quota before any byte), each PATCH fsynced before it is answered (the offset a HEAD reports
 * survives a crash), and a running SHA-256 of what reached the disk, for the commit.
 *
 * The local file stays the truth of what arrived (its size is the offset). When the blob store
 * takes parts (S3), an upload over one part also sends each whole part of it as soon as it is
 * on disk, into a multipart upload on the blob's own key: the last PATCH sends the tail and
 * completes it, whatever the size. Parts are a copy of a prefix of the local file, so a crash
 * anywhere only means sending some again.
 */
export class UploadStore extends FileStore {
  readonly hashes = new RunningHashes();
  readonly #blobs: BlobStore;
  /** Bytes of each upload already in its parts, as this process knows; after a restart, asked of the store. */
  readonly #sent = new Map<string, number>();

  constructor(directory: string, blobs: BlobStore) {
    super({ directory, expirationPeriodInMilliseconds: UPLOAD_EXPIRY_MS });
    this.extensions = ['creation', 'creation-with-upload', 'termination', 'expiration'];
    this.#blobs = blobs;
  }

  /** Where an upload's bytes are. */
  dataPath(id: string): string {
    return join(this.directory, id);
  }

  /** Its parts and size when it has parts (S3, over one part): the record says so, so it holds after a restart. */
  async #parted(id: string): Promise<{ blob: PartedBlob; size: number } | undefined> {
    // Files on disk are adopted whole: no record to read on every PATCH.
    if (!this.#blobs.parts) return undefined;
    const record = await readUploadRecord(`${this.dataPath(id)}.json`);
    return record?.blob && typeof record.size === 'number' ? { blob: record.blob, size: record.size } : undefined;
  }

  /** The data file and the record, durable: an upload a client was told of survives a crash. */
  override async create(upload: Upload): Promise<Upload> {
    const parts = this.#blobs.parts;
    if (!parts || (upload.size ?? 0) <= parts.minPartBytes) return this.#created(await super.create(upload));
    const instanceId = instanceIdOf(upload.id);
    const key = randomUUID();
    const blob: PartedBlob = { key, uploadId: await parts.begin(instanceId, key) };
    try {
      return await this.#created(await super.create(Object.assign(upload, { blob })));
    } catch (error) {
      await parts.abort(instanceId, key, blob.uploadId);
      throw error;
    }
  }

  async #created(upload: Upload): Promise<Upload> {
    const path = this.dataPath(upload.id);
    await syncFile(path);
    await syncFile(`${path}.json`);
    await syncDirectory(dirname(path));
    return upload;
  }

  /**
   * Appends at `offset` and answers the new offset. A request cut short keeps what reached the
   * disk (a HEAD reports it); the file is fsynced before anything is answered. Whole parts go to
   * the blob store before the answer too.
   */
  override async write(readable: Readable | IncomingMessage, id: string, offset: number): Promise<number> {
    const running = this.hashes.resume(id, offset);
    const file = await open(this.dataPath(id), 'r+');
    let position = offset;
    try {
      await pipeline(
        readable,
        new Writable({
          write(chunk: Buffer, _encoding, callback) {
            writeAll(file, chunk, position).then(() => {
              position += chunk.length;
              if (running) {
                running.hash.update(chunk);
                running.offset = position;
              }
              callback();
            }, callback);
          },
        }),
      );
    } finally {
      await file.sync().catch(() => undefined);
      await file.close();
    }
    const parted = await this.#parted(id);
    if (parted) await this.#sendParts(id, parted, position);
    return position;
  }

  /** Sends every whole part of the first `available` bytes not sent yet; all of them when the upload is complete. */
  async #sendParts(id: string, { blob, size: total }: { blob: PartedBlob; size: number }, available: number): Promise<void> {
    const parts = this.#blobs.parts;
    if (!parts) throw new Error(`upload ${id} has parts, the blob store takes none`);
    const instanceId = instanceIdOf(id);
    const partBytes = partBytesFor(parts, total);
    let sent = this.#sent.get(id) ?? (await this.#alreadySent(parts, instanceId, blob, partBytes, total));
    while (available - sent >= partBytes || (available === total && sent < total)) {
      const end = Math.min(sent + partBytes, total);
      const body = createReadStream(this.dataPath(id), { start: sent, end: end - 1 });
      await parts.put(instanceId, blob.key, blob.uploadId, sent / partBytes + 1, body, end - sent);
      sent = end;
      this.#sent.set(id, sent);
    }
  }

  /** After a restart: the bytes covered by parts 1, 2… held without a gap. */
  async #alreadySent(parts: BlobParts, instanceId: string, blob: PartedBlob, partBytes: number, total: number): Promise<number> {
    let sent = 0;
    for (const part of await parts.list(instanceId, blob.key, blob.uploadId)) {
      if (part.number !== sent / partBytes + 1 || part.size !== Math.min(partBytes, total - sent)) break;
      sent += part.size;
    }
    return sent;
  }

  /**
   * Makes the complete upload blob `key`, which it answers: its parts completed in place (S3),
   * or its file adopted under a new key (fs: a link). Its files stay for `discard`.
   */
  async toBlob(id: string): Promise<string> {
    const instanceId = instanceIdOf(id);
    const parted = await this.#parted(id);
    if (!parted || !this.#blobs.parts) {
      const key = randomUUID();
      await this.#blobs.adopt(instanceId, key, this.dataPath(id));
      return key;
    }
    // Parts a failed request could not send (the bytes are on disk): sent now.
    await this.#sendParts(id, parted, parted.size);
    await this.#blobs.parts.complete(instanceId, parted.blob.key, parted.blob.uploadId);
    this.#sent.delete(id);
    return parted.blob.key;
  }

  /** Termination (tus DELETE): as `discard`, a 404 when there is no such upload. */
  override async remove(id: string): Promise<void> {
    await this.#abortParts(id);
    await super.remove(id);
  }

  /** Drops whatever is left of an upload, committed or not (its parts too): a later HEAD or PATCH answers 404. */
  async discard(id: string): Promise<void> {
    await this.#abortParts(id);
    await rm(this.dataPath(id), { force: true });
    await this.configstore.delete(id).catch(() => undefined);
  }

  async #abortParts(id: string): Promise<void> {
    this.hashes.forget(id);
    this.#sent.delete(id);
    const parted = await this.#parted(id);
    if (parted) await this.#blobs.parts?.abort(instanceIdOf(id), parted.blob.key, parted.blob.uploadId);
  }
}
