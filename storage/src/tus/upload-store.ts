import { open, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { FileStore } from '@tus/file-store';
import { UPLOAD_EXPIRY_MS } from './expired-uploads.ts';
import { RunningHashes } from './running-hashes.ts';

type FileHandle = Awaited<ReturnType<typeof open>>;

async function writeAll(file: FileHandle, chunk: Buffer, position: number): Promise<void> {
  for (let done = 0; done < chunk.length; ) {
    const { bytesWritten } = await file.write(chunk, done, chunk.length - done, position + done);
    done += bytesWritten;
  }
}

/**
 * @tus/file-store with what we need on top: no deferred length (the size is checked against the
 * quota before any byte), each PATCH fsynced before it is answered (the offset a HEAD reports
 * survives a crash), and a running SHA-256 of what reached the disk, for the commit.
 */
export class UploadStore extends FileStore {
  readonly hashes = new RunningHashes();

  constructor(directory: string) {
    super({ directory, expirationPeriodInMilliseconds: UPLOAD_EXPIRY_MS });
    this.extensions = ['creation', 'creation-with-upload', 'termination', 'expiration'];
  }

  /** Where an upload's bytes are. */
  dataPath(id: string): string {
    return join(this.directory, id);
  }

  /**
   * Appends at `offset` and answers the new offset. A request cut short keeps what reached the
   * disk (a HEAD reports it); the file is fsynced before anything is answered.
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
    return position;
  }

  override async remove(id: string): Promise<void> {
    this.hashes.forget(id);
    await super.remove(id);
  }

  /** Drops whatever is left of an upload, committed or not: a later HEAD or PATCH answers 404. */
  async discard(id: string): Promise<void> {
    this.hashes.forget(id);
    await rm(this.dataPath(id), { force: true });
    await this.configstore.delete(id).catch(() => undefined);
  }
}
