import * as Y from 'yjs';

/**
 * Keystroke-to-visible latency across clients of one process. A keystroke is known by the Yjs id
 * of what it inserted (client id and clock): the typist records when each id was made, and a
 * watcher, when an update holding it was applied to its copy. No marker travels in the text, and
 * updates merged or reordered on the way are still matched one keystroke at a time.
 */
export class EditLatency {
  private readonly madeAt = new Map<string, number>();
  private readonly seen: number[] = [];

  /** Runs one local edit of `doc` and records when each item it inserted was made. */
  type(doc: Y.Doc, edit: () => void): void {
    const before = Y.getState(doc.store, doc.clientID);
    const at = performance.now();
    edit();
    const after = Y.getState(doc.store, doc.clientID);
    for (let clock = before; clock < after; clock++) this.madeAt.set(key(doc.clientID, clock), at);
  }

  /** Records, for every recorded keystroke in the updates `doc` receives, how long it took to get there. */
  watch(doc: Y.Doc): () => void {
    const onUpdate = (update: Uint8Array) => {
      const now = performance.now();
      for (const struct of Y.decodeUpdate(update).structs) {
        if (!(struct instanceof Y.Item)) continue;
        for (let clock = struct.id.clock; clock < struct.id.clock + struct.length; clock++) {
          const k = key(struct.id.client, clock);
          const at = this.madeAt.get(k);
          if (at === undefined) continue;
          this.seen.push(now - at);
          this.madeAt.delete(k);
        }
      }
    };
    doc.on('update', onUpdate);
    return () => doc.off('update', onUpdate);
  }

  /** Keystrokes made and not yet seen by the watcher. */
  get pending(): number {
    return this.madeAt.size;
  }

  /** Waits until every keystroke was seen, or `timeoutMs`; the latencies (ms) seen so far. */
  async settle(timeoutMs = 10_000): Promise<{ latencies: number[]; lost: number }> {
    const deadline = performance.now() + timeoutMs;
    while (this.pending > 0 && performance.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    return { latencies: [...this.seen], lost: this.pending };
  }
}

function key(client: number, clock: number): string {
  return `${client}:${clock}`;
}
