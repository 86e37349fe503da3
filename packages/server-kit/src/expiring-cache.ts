/**
 * A size-capped map whose entries expire, for what is costly to recompute on a hot path
 * (verified tokens, minted tokens). When full, expired entries go first, then the oldest.
 */
export class ExpiringCache<V> {
  readonly #entries = new Map<string, { value: V; expiresAt: number }>();
  readonly #max: number;

  constructor(max: number) {
    this.#max = max;
  }

  /** The value if it is still valid at `now` (milliseconds). */
  get(key: string, now = Date.now()): V | undefined {
    const hit = this.#entries.get(key);
    if (!hit) return undefined;
    if (hit.expiresAt <= now) {
      this.#entries.delete(key);
      return undefined;
    }
    return hit.value;
  }

  /** Keeps `value` until `expiresAt` (milliseconds since the epoch). */
  set(key: string, value: V, expiresAt: number): void {
    if (this.#entries.size >= this.#max) {
      const now = Date.now();
      for (const [k, entry] of this.#entries) if (entry.expiresAt <= now) this.#entries.delete(k);
      // Still full: Map keeps insertion order, so the first key is the oldest.
      const oldest = this.#entries.keys().next();
      if (this.#entries.size >= this.#max && !oldest.done) this.#entries.delete(oldest.value);
    }
    this.#entries.set(key, { value, expiresAt });
  }

  delete(key: string): void {
    this.#entries.delete(key);
  }

  get size(): number {
    return this.#entries.size;
  }
}
