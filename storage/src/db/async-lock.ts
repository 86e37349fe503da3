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
