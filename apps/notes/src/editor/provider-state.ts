import type { HocuspocusProvider } from '@hocuspocus/provider';
import { useEffect, useState } from 'react';
import type { ProviderState } from './save-status.ts';
import type { ServerStateCheck } from './server-state-check.ts';

function read(provider: HocuspocusProvider, check: ServerStateCheck): ProviderState & { readOnly: boolean } {
  return {
    confirmed: check.confirmed,
    unconfirmed: check.unconfirmed,
    status: provider.configuration.websocketProvider.status,
    synced: provider.synced,
    unsynced: provider.unsyncedChanges,
    // The server says so when it accepts a caller who may only read (« Peut consulter », a link).
    readOnly: provider.authorizedScope === 'readonly',
  };
}

const EVENTS = ['status', 'synced', 'unsyncedChanges', 'authenticated'] as const;

/** The provider's connection, sync and pending changes, and the last convergence check, re-rendering on each of their events. */
export function useProviderState(provider: HocuspocusProvider, check: ServerStateCheck) {
  const [state, setState] = useState(() => read(provider, check));
  useEffect(() => {
    const update = () => setState(read(provider, check));
    update();
    const stopChecking = check.onChange(update);
    for (const event of EVENTS) provider.on(event, update);
    // The socket's own status reaches the provider only once attached: follow the socket too.
    provider.configuration.websocketProvider.on('status', update);
    return () => {
      stopChecking();
      for (const event of EVENTS) provider.off(event, update);
      provider.configuration.websocketProvider.off('status', update);
    };
  }, [provider, check]);
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
