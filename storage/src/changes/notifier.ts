type Listener = () => void;

/**
 * Tells the followers of an instance (long-polls, realtime sockets) that it was written to; they
 * read the feed to learn what changed. In-process: every write path of this backend pokes it
 * (the HTTP routes through `notifyWrites`; WebDAV and jobs when they come).
 */
export class ChangeNotifier {
  readonly #listeners = new Map<string, Set<Listener>>();
  readonly #closed = new AbortController();

  poke(instanceId: string): void {
    const listeners = this.#listeners.get(instanceId);
    if (!listeners) return;
    for (const listener of [...listeners]) listener();
  }

  /** Calls `listener` after each poke of the instance, until the returned function is called. */
  listen(instanceId: string, listener: Listener): () => void {
    let listeners = this.#listeners.get(instanceId);
    if (!listeners) this.#listeners.set(instanceId, (listeners = new Set()));
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && this.#listeners.get(instanceId) === listeners) this.#listeners.delete(instanceId);
    };
  }

  /** True at the instance's next poke; false after `timeoutMs`, on `signal`, or when closed. */
  next(instanceId: string, timeoutMs: number, signal?: AbortSignal): Promise<boolean> {
    return new Promise((resolve) => {
      const signals = [this.#closed.signal, ...(signal ? [signal] : [])];
      if (signals.some((s) => s.aborted)) {
        resolve(false);
        return;
      }
      const settle = (poked: boolean) => {
        clearTimeout(timer);
        stop();
        for (const s of signals) s.removeEventListener('abort', onAbort);
        resolve(poked);
      };
      const onAbort = () => settle(false);
      const stop = this.listen(instanceId, () => settle(true));
      const timer = setTimeout(() => settle(false), Math.max(0, timeoutMs));
      for (const s of signals) s.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Ends every pending `next` (false): the server is stopping. */
  close(): void {
    this.#closed.abort();
  }
}
