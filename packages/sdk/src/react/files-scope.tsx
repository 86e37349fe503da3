import { useQueryClient } from '@tanstack/react-query';
import { createContext, use, useEffect, useMemo } from 'react';
import type { ReactNode } from 'react';
import type { Client } from '../client.ts';
import type { FilesResource } from '../files.ts';
import { useClient } from './provider.tsx';
import { queryKeys } from './query-keys.ts';
import { connectRealtimeToQueryClient } from './use-realtime.ts';
import type { FileKeys } from './query-keys.ts';

/**
 * Where the files hooks act: one's own space, or what a sharing opens in someone else's (the
 * same calls under `/api/sharings/<id>`, limited by one's role there). `keys` keep each scope's
 * cache apart.
 */
export type FilesScope = {
  /** null: one's own space. */
  sharingId: string | null;
  files: FilesResource;
  keys: FileKeys;
};

const ScopeContext = createContext<FilesScope | null>(null);
const ownScopes = new WeakMap<Client, FilesScope>();

/** The scope's calls and keys; one's own is made once per client (hooks' dependencies stay the same). */
export function filesScopeOf(client: Client, sharingId: string | null): FilesScope {
  if (sharingId !== null) return { sharingId, files: client.sharings.files(sharingId), keys: queryKeys.sharing(sharingId) };
  let scope = ownScopes.get(client);
  if (!scope) {
    scope = { sharingId: null, files: client.files, keys: queryKeys };
    ownScopes.set(client, scope);
  }
  return scope;
}

/**
 * Every files hook below acts through the sharing `sharingId` (null: one's own space, as without
 * a provider). The Drive renders its usual folder view inside one to open a sharing in place.
 * While mounted, a sharing's realtime socket keeps its data live (the other side's changes show
 * at once), and a change of one's access (another role, or none) refreshes the sharing itself.
 */
export function FilesScopeProvider({ sharingId, children }: { sharingId: string | null; children?: ReactNode }) {
  const client = useClient();
  const queryClient = useQueryClient();
  const scope = useMemo(() => filesScopeOf(client, sharingId), [client, sharingId]);
  useEffect(() => {
    if (sharingId === null) return undefined;
    const realtime = client.sharings.realtime(sharingId);
    const stopCache = connectRealtimeToQueryClient(realtime, queryClient, { keys: queryKeys.sharing(sharingId) });
    const stopAccess = realtime.onAccessChange(() => void queryClient.invalidateQueries({ queryKey: queryKeys.sharings() }));
    return () => {
      stopCache();
      stopAccess();
      realtime.close();
    };
  }, [client, queryClient, sharingId]);
  return <ScopeContext value={scope}>{children}</ScopeContext>;
}

/** The scope the files hooks act in: the nearest `FilesScopeProvider`'s, else one's own space. */
export function useFilesScope(): FilesScope {
  const client = useClient();
  return use(ScopeContext) ?? filesScopeOf(client, null);
}
