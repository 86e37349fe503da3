import { open, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { pipeline, type Readable } from 'node:stream';
import { FileStore } from '@tus/file-store';
import { RunningHashes } from './running-hashes.ts';

/** How long an unfinished upload is kept (the tus expiration extension). */
export const UPLOAD_EXPIRY_MS = 24 * 60 * 60 * 1000;

async function syncFile(path: string): Promise<void> {
  const file = await open(path, 'r+');
  try {
    await file.sync();
  } finally {
    await file.close();
  }
}

/**
 * @tus/file-store with what we need on top: no deferred length (the size is checked against the
 * quota before any byte), each PATCH fsynced before it is answered (the offset a HEAD reports
 * survives a crash), and a running SHA-256 for the commit.
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

  override async write(readable: Readable | IncomingMessage, id: string, offset: number): Promise<number> {
    const tapped = pipeline(readable, this.hashes.tap(id, offset), () => undefined);
    try {
      return await super.write(tapped, id, offset);
    } finally {
      await syncFile(this.dataPath(id)).catch(() => undefined);
    }
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
