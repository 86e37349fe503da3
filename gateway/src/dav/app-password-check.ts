import { createHash } from 'node:crypto';
import type { DirectoryEntry } from '../directory/directory.ts';
import { verifyAppPasswordRoute } from '@mytoutatice/contract';
import { ExpiringCache, HttpError } from '@mytoutatice/server-kit';
import type { StorageClient } from '../storage-client/storage-client.ts';

/**
 * How long a verified password is taken as valid without asking the storage again: DAV clients
 * send Basic on every request and scrypt costs ~50 ms, while a revoked password must stop
 * working within seconds.
 */
export const VERIFIED_FOR_MS = 10_000;

/**
 * Checks a DAV client's app password with the space's storage backend (which keeps only scrypt
 * hashes), remembering the answer for `VERIFIED_FOR_MS` under a hash of the password, never the
 * password itself. Concurrent checks of the same credentials share one call.
 */
export class AppPasswordCheck {
  readonly #storage: StorageClient;
  readonly #verified = new ExpiringCache<Promise<boolean>>(50_000);

  constructor(storage: StorageClient) {
    this.#storage = storage;
  }

  /** True when the password is one of the space's; only a storage outage throws. */
  async verify(space: DirectoryEntry, password: string): Promise<boolean> {
    const key = `${space.instanceId}:${createHash('sha256').update(password).digest('base64')}`;
    const cached = this.#verified.get(key);
    if (cached) return cached;
    const pending = this.#ask(space, password);
    this.#verified.set(key, pending, Date.now() + VERIFIED_FOR_MS);
    try {
      const valid = await pending;
      // Only successes are remembered: a wrong password is throttled instead, and a right one typed next must work at once.
      if (!valid) this.#verified.delete(key);
      return valid;
    } catch (error) {
      this.#verified.delete(key);
      throw error;
    }
  }

  /** The storage answers 401 for a password that matches none (400 for one it cannot be). */
  async #ask(space: DirectoryEntry, password: string): Promise<boolean> {
    try {
      await this.#storage.call(this.#storage.asAdmin(space.backendUrl), verifyAppPasswordRoute, { params: { id: space.instanceId }, body: { password } });
      return true;
    } catch (error) {
      if (error instanceof HttpError && (error.status === 401 || error.status === 400)) return false;
      throw error;
    }
  }
}
