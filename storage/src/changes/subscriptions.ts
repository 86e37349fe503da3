import type { Change, RealtimeSubscription } from '@mytoutatice/contract';

const MAX_SUBSCRIPTIONS = 64;

/** What one realtime connection asked to hear about; nothing until it subscribes. */
export class Subscriptions {
  #files = false;
  readonly #doctypes = new Set<string>();
  readonly #folders = new Set<string>();

  /** False when the connection already holds as many subscriptions as it may. */
  add(subscription: RealtimeSubscription): boolean {
    if (this.size >= MAX_SUBSCRIPTIONS) return false;
    if ('files' in subscription) this.#files = true;
    else if ('doctype' in subscription) this.#doctypes.add(subscription.doctype);
    else this.#folders.add(subscription.folder);
    return true;
  }

  get size(): number {
    return this.#doctypes.size + this.#folders.size + (this.#files ? 1 : 0);
  }

  /**
   * A folder subscription hears of the folder itself and of its direct children. A destroyed
   * file's folder is no longer known (tombstones keep only the id), so every folder subscription
   * hears of it: the client cannot tell otherwise whether its listing lost an item.
   */
  matches(change: Change): boolean {
    if (change.kind === 'document') return change.doctype !== undefined && this.#doctypes.has(change.doctype);
    if (this.#files) return true;
    if (this.#folders.size === 0) return false;
    if (change.deleted && change.parentId === undefined) return true;
    return this.#folders.has(change.id) || (typeof change.parentId === 'string' && this.#folders.has(change.parentId));
  }
}
