/**
 * Turns many small durable writes into few: items added while a write is running wait for the
 * next one, which takes them all. Each `add` resolves with its item's result once the write that
 * held it is durable, or rejects with that write's error.
 */
export class GroupCommit<T, R> {
  readonly #write: (items: readonly T[]) => Promise<readonly R[]>;
  #waiting: { item: T; resolve: (result: R) => void; reject: (error: unknown) => void }[] = [];
  #running: Promise<void> | undefined;

  constructor(write: (items: readonly T[]) => Promise<readonly R[]>) {
    this.#write = write;
  }

  add(item: T): Promise<R> {
    const done = new Promise<R>((resolve, reject) => this.#waiting.push({ item, resolve, reject }));
    this.#running ??= this.#drain();
    return done;
  }

  /** Resolves when everything added so far is written (or failed). */
  async settled(): Promise<void> {
    while (this.#running) await this.#running;
  }

  async #drain(): Promise<void> {
    while (this.#waiting.length > 0) {
      const batch = this.#waiting;
      this.#waiting = [];
      try {
        const results = await this.#write(batch.map((entry) => entry.item));
        batch.forEach((entry, index) => entry.resolve(results[index] as R));
      } catch (error) {
        for (const entry of batch) entry.reject(error);
      }
    }
    this.#running = undefined;
  }
}
