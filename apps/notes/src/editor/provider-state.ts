import type { HocuspocusProvider } from '@hocuspocus/provider';
import { useEffect, useState } from 'react';
import type { ProviderState } from './save-status.ts';

function read(provider: HocuspocusProvider): ProviderState & { readOnly: boolean } {
  return {
    status: provider.configuration.websocketProvider.status,
    synced: provider.synced,
    unsynced: provider.unsyncedChanges,
    // The server says so when it accepts a caller who may only read (« Peut consulter », a link).
    readOnly: provider.authorizedScope === 'readonly',
  };
}

const EVENTS = ['status', 'synced', 'unsyncedChanges', 'authenticated'] as const;

/** The provider's connection, sync and pending changes, re-rendering on each of its events. */
export function useProviderState(provider: HocuspocusProvider) {
  const [state, setState] = useState(() => read(provider));
  useEffect(() => {
    const update = () => setState(read(provider));
    update();
    for (const event of EVENTS) provider.on(event, update);
    // The socket's own status reaches the provider only once attached: follow the socket too.
    provider.configuration.websocketProvider.on('status', update);
    return () => {
      for (const event of EVENTS) provider.off(event, update);
      provider.configuration.websocketProvider.off('status', update);
    };
  }, [provider]);
  return state;
}

/** The browser's « Quitter la page ? » while `pending`. */
export function useLeaveWarning(pending: boolean) {
  useEffect(() => {
    if (!pending) return undefined;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [pending]);
}
