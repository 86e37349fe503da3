import { randomBytes } from 'node:crypto';
import { isAtOrBelow } from './dav-paths.ts';

export type LockScope = 'exclusive' | 'shared';

export interface DavLock {
  token: string;
  instanceId: string;
  /** `pathKey` of the locked resource. */
  path: string;
  /** Its href, answered as `<D:lockroot>`. */
  rootHref: string;
  depth: '0' | 'infinity';
  scope: LockScope;
  /** The client's `<D:owner>` element, serialized, answered back as given. */
  ownerXml: string;
  timeoutS: number;
  expiresAt: number;
}

/**
 * A lock token: a unique URI of 128 random bits. Shorter than `urn:uuid:…` on purpose: clients
 * with fixed header buffers (neon, so litmus and davfs2) cut an `If` header holding a token and
 * two of our 64-digit ETags (the content's SHA-256) past 200 characters.
 */
const newToken = () => `urn:lock:${randomBytes(16).toString('base64url')}`;

const DEFAULT_TIMEOUT_S = 600;
const MAX_TIMEOUT_S = 3600;

/** `Timeout: Second-600, Infinite`: the first we understand, capped (a lock never outlives an hour unrefreshed). */
export function parseTimeout(header: string | undefined): number {
  for (const part of (header ?? '').split(',')) {
    const value = part.trim();
    if (value === 'Infinite') return MAX_TIMEOUT_S;
    const seconds = /^Second-([0-9]{1,10})$/.exec(value)?.[1];
    if (seconds !== undefined) return Math.min(Math.max(Number(seconds), 1), MAX_TIMEOUT_S);
  }
  return DEFAULT_TIMEOUT_S;
}


/** Whether the lock holds `path`: it is on it, or depth-infinity on a folder above it. */
export const holds = (lock: DavLock, path: string) => lock.path === path || (lock.depth === 'infinity' && isAtOrBelow(path, lock.path));

/**
 * WebDAV locks, in memory with their timeouts: they are advisory hints between DAV clients of
 * one storage process, lost on restart like an expired lock (clients re-lock). Keyed by path, as
 * RFC 4918 locks are: a lock does not follow a MOVE.
 */
export class DavLocks {
  readonly #locks = new Map<string, DavLock>();

  #live(instanceId: string, now = Date.now()): DavLock[] {
    const live: DavLock[] = [];
    for (const lock of this.#locks.values()) {
      if (lock.expiresAt <= now) this.#locks.delete(lock.token);
      else if (lock.instanceId === instanceId) live.push(lock);
    }
    return live;
  }

  /** Locks that hold `path`: on it, or depth-infinity on a folder above it. */
  covering(instanceId: string, path: string): DavLock[] {
    return this.#live(instanceId).filter((lock) => holds(lock, path));
  }

  /** The space's live locks, for a listing to test each item against without asking again. */
  ofInstance(instanceId: string): DavLock[] {
    return this.#live(instanceId);
  }

  /** Locks that hold `path` or anything below it (what a DELETE or MOVE of a folder touches). */
  affecting(instanceId: string, path: string): DavLock[] {
    return this.#live(instanceId).filter(
      (lock) => isAtOrBelow(lock.path, path) || (lock.depth === 'infinity' && isAtOrBelow(path, lock.path)),
    );
  }

  /** Whether a new lock would clash: an exclusive lock anywhere it reaches, or any lock for an exclusive one. */
  conflicts(instanceId: string, path: string, depth: DavLock['depth'], scope: LockScope): boolean {
    const reached = depth === 'infinity' ? this.affecting(instanceId, path) : this.covering(instanceId, path);
    return reached.some((lock) => scope === 'exclusive' || lock.scope === 'exclusive');
  }

  create(fields: Omit<DavLock, 'token' | 'expiresAt'>): DavLock {
    const lock = { ...fields, token: newToken(), expiresAt: Date.now() + fields.timeoutS * 1000 };
    this.#locks.set(lock.token, lock);
    return lock;
  }

  find(instanceId: string, token: string): DavLock | undefined {
    return this.#live(instanceId).find((lock) => lock.token === token);
  }

  refresh(lock: DavLock, timeoutS: number): DavLock {
    lock.timeoutS = timeoutS;
    lock.expiresAt = Date.now() + timeoutS * 1000;
    return lock;
  }

  remove(token: string): void {
    this.#locks.delete(token);
  }

  /** Drops the locks on `path` and below: the resources they held are gone (deleted or moved away). */
  removeAtOrBelow(instanceId: string, path: string): void {
    for (const lock of this.#live(instanceId)) if (isAtOrBelow(lock.path, path)) this.#locks.delete(lock.token);
  }
}
