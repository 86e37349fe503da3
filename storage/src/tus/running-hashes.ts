import { createHash, type Hash } from 'node:crypto';

/** The SHA-256 of an upload's first `offset` bytes, as they reached the disk. */
export interface RunningHash {
  offset: number;
  hash: Hash;
}

/**
 * SHA-256 of each upload fed as its bytes are written, so the last PATCH does not re-read 4 GB
 * (which could outlast the gateway's idle timeout). Fed only with bytes the disk took, it stays
 * right across dropped requests. In memory only: after a restart the offsets disagree and the
 * commit falls back to reading the file.
 */
export class RunningHashes {
  readonly #byId = new Map<string, RunningHash>();

  /** The hash to go on with when writing at `offset`, if this process has every byte before it. */
  resume(id: string, offset: number): RunningHash | undefined {
    const running = this.#byId.get(id);
    if (running?.offset === offset) return running;
    if (offset !== 0) {
      this.#byId.delete(id);
      return undefined;
    }
    const fresh = { offset: 0, hash: createHash('sha256') };
    this.#byId.set(id, fresh);
    return fresh;
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
