/** A FIFO lock for async work on one resource. */
export class AsyncLock {
  #tail: Promise<void> = Promise.resolve();
  #held = false;

  get held(): boolean {
    return this.#held;
  }

  /** Resolves when every holder before has released; call the returned function to release. */
  async acquire(): Promise<() => void> {
    let release!: () => void;
    const previous = this.#tail;
    this.#tail = new Promise<void>((resolve) => {
      release = resolve;
    });
    await previous;
    this.#held = true;
    return () => {
      this.#held = false;
      release();
    };
  }

  /** Resolves once nobody holds the lock (without taking it). */
  idle(): Promise<void> {
    return this.#tail;
  }
}

/**
 * One AsyncLock per key, kept only while someone holds or awaits it: keys are instances, and a
 * storage serving thousands of them must not keep a lock for each one that ever uploaded.
 */
export class KeyedLock {
  readonly #locks = new Map<string, { lock: AsyncLock; users: number }>();

  get size(): number {
    return this.#locks.size;
  }

  async acquire(key: string): Promise<() => void> {
    const entry = this.#locks.get(key) ?? { lock: new AsyncLock(), users: 0 };
    entry.users += 1;
    this.#locks.set(key, entry);
    const release = await entry.lock.acquire();
    return () => {
      release();
      entry.users -= 1;
      if (entry.users === 0) this.#locks.delete(key);
    };
  }
}
