import type { HocuspocusProvider } from '@hocuspocus/provider';
import { NOTE_STATE_CHECK } from '@mytoutatice/sdk';
import * as Y from 'yjs';

/** How often a connected editor compares its state with the server's, besides after each save and reconnection. */
const PERIOD_MS = 30_000;
/** After syncing again: time for the handshake to finish before the next comparison. */
const RESYNC_MS = 1000;

/** Whether the server's state vector holds everything of ours (every client's clock at least ours). */
export function covers(server: Uint8Array, local: Uint8Array): boolean {
  const theirs = Y.decodeStateVector(server);
  for (const [client, clock] of Y.decodeStateVector(local)) if ((theirs.get(client) ?? 0) < clock) return false;
  return true;
}

const decode = (base64: string) => Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));

/**
 * The convergence check: the provider counts acknowledgements, but zeroes its count when it
 * reconnects, so what was typed offline and sent in the handshake is never counted. This asks the
 * server for its state vector (after each save, each sync and every 30 s) and says the note is
 * confirmed only when it covers ours; otherwise the editor was out of step, says so in the console
 * and syncs again.
 */
export class ServerStateCheck {
  readonly #provider: HocuspocusProvider;
  readonly #doc: Y.Doc;
  readonly #listeners = new Set<() => void>();
  #confirmed = false;
  /** Typed here and not yet found in the server's state. */
  #unconfirmed = false;
  #resyncing: ReturnType<typeof setTimeout> | undefined;
  readonly #stop: () => void;

  constructor(provider: HocuspocusProvider, doc: Y.Doc) {
    this.#provider = provider;
    this.#doc = doc;
    const onUpdate = (_update: Uint8Array, origin: unknown) => {
      if (origin === provider) return;
      this.#unconfirmed = true;
      this.#set(false);
    };
    const onUnsynced = ({ number }: { number: number }) => {
      if (number === 0) this.check();
    };
    const onStatus = ({ status }: { status: string }) => {
      if (status !== 'connected') this.#set(false);
    };
    const onStateless = ({ payload }: { payload: string }) => this.#answer(payload);
    const onSynced = () => this.check();
    doc.on('update', onUpdate);
    provider.on('unsyncedChanges', onUnsynced);
    provider.on('synced', onSynced);
    provider.on('stateless', onStateless);
    provider.configuration.websocketProvider.on('status', onStatus);
    const timer = setInterval(() => this.check(), PERIOD_MS);
    this.#stop = () => {
      clearInterval(timer);
      clearTimeout(this.#resyncing);
      doc.off('update', onUpdate);
      provider.off('unsyncedChanges', onUnsynced);
      provider.off('synced', onSynced);
      provider.off('stateless', onStateless);
      provider.configuration.websocketProvider.off('status', onStatus);
    };
  }

  /** The server held everything of ours at the last check, and nothing changed here since. */
  get confirmed(): boolean {
    return this.#confirmed;
  }

  /** Something typed here is not known to be on the server yet (leaving would keep it on this device only). */
  get unconfirmed(): boolean {
    return this.#unconfirmed;
  }

  check(): void {
    if (this.#resyncing !== undefined) return;
    if (this.#provider.configuration.websocketProvider.status === 'connected' && this.#provider.synced) this.#provider.sendStateless(NOTE_STATE_CHECK);
  }

  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  destroy(): void {
    this.#stop();
    this.#listeners.clear();
  }

  #answer(payload: string): void {
    let stateVector: unknown;
    try {
      ({ stateVector } = JSON.parse(payload) as { stateVector?: unknown });
    } catch {
      return;
    }
    if (typeof stateVector !== 'string') return;
    if (covers(decode(stateVector), Y.encodeStateVector(this.#doc))) {
      this.#unconfirmed = false;
      this.#set(true);
    } else if (!this.#provider.hasUnsyncedChanges && this.#resyncing === undefined) {
      console.warn('note out of step with the server: syncing again');
      this.#provider.forceSync();
      this.#resyncing = setTimeout(() => {
        this.#resyncing = undefined;
        this.check();
      }, RESYNC_MS);
    }
  }

  #set(confirmed: boolean): void {
    const changed = this.#confirmed !== confirmed;
    this.#confirmed = confirmed;
    if (changed || !confirmed) for (const listener of this.#listeners) listener();
  }
}
