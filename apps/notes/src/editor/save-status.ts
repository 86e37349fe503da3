/** What the provider tells about the note's connection (its `status`, `synced`, `unsyncedChanges` events). */
export type ProviderState = {
  status: 'connecting' | 'connected' | 'disconnected';
  /** The server's state has been received and ours sent (the first sync is done). */
  synced: boolean;
  /** Updates sent but not yet acknowledged by the server. */
  unsynced: number;
};

/**
 * What the status line says. Only the server's acknowledgement makes a change « Enregistré »;
 * without a connection, what is typed is kept in the browser (IndexedDB) until it comes back.
 */
export type SaveStatus = 'saved' | 'saving' | 'offline';

export function saveStatus({ status, synced, unsynced }: ProviderState): SaveStatus {
  if (status !== 'connected') return 'offline';
  return synced && unsynced === 0 ? 'saved' : 'saving';
}

/** Leaving now would lose what the server has not acknowledged (the browser keeps it, but only here). */
export const hasPendingChanges = (state: ProviderState): boolean => state.unsynced > 0;
