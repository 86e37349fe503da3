/** What the provider tells about the note's connection (its `status`, `synced`, `unsyncedChanges` events). */
export type ProviderState = {
  status: 'connecting' | 'connected' | 'disconnected';
  /** The server's state has been received and ours sent (the first sync is done). */
  synced: boolean;
  /** Updates sent but not yet acknowledged by the server. */
  unsynced: number;
  /** The server's state vector held ours at the last convergence check, nothing typed since. */
  confirmed: boolean;
  /** Something typed here is not known to be on the server yet. */
  unconfirmed: boolean;
};

/**
 * What the status line says. Only the server makes a change « Enregistré »: every update
 * acknowledged and its state vector holding ours (the provider forgets what it sent while
 * reconnecting). Without a connection, what is typed is kept in the browser (IndexedDB).
 */
export type SaveStatus = 'saved' | 'saving' | 'offline';

export function saveStatus({ status, synced, unsynced, confirmed }: ProviderState): SaveStatus {
  if (status !== 'connected') return 'offline';
  return synced && unsynced === 0 && confirmed ? 'saved' : 'saving';
}

/** Leaving now would leave changes on this device only (the browser keeps them, but only here). */
export const hasPendingChanges = (state: ProviderState): boolean => state.unsynced > 0 || state.unconfirmed;
