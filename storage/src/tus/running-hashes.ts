import { createHash, type Hash } from 'node:crypto';
import { Transform } from 'node:stream';

interface Running {
  offset: number;
  hash: Hash;
}

/**
 * SHA-256 of each upload fed as its chunks arrive, so the last PATCH does not re-read 4 GB
 * (which could outlast the gateway's idle timeout). In memory only: after a restart, or when a
 * dropped request hashed bytes that never reached the disk, the offsets disagree and the commit
 * falls back to reading the file.
 */
export class RunningHashes {
  readonly #byId = new Map<string, Running>();

  /** A pass-through that hashes the bytes written from `offset` on, when that continues the record. */
  tap(id: string, offset: number): Transform {
    let running = this.#byId.get(id);
    if (running?.offset !== offset) {
      running = offset === 0 ? { offset: 0, hash: createHash('sha256') } : undefined;
      if (running) this.#byId.set(id, running);
      else this.#byId.delete(id);
    }
    const current = running;
    return new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        if (current) {
          current.hash.update(chunk);
          current.offset += chunk.length;
        }
        callback(null, chunk);
      },
    });
  }

  /** The digest when every byte up to `size` went through this process, else undefined. */
  take(id: string, size: number): Buffer | undefined {
    const running = this.#byId.get(id);
    this.#byId.delete(id);
    return running?.offset === size ? running.hash.digest() : undefined;
  }

  forget(id: string): void {
    this.#byId.delete(id);
  }
}
