import type { AppPassword, CreatedAppPassword } from '@mytoutatice/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import type { ApiError } from '../api-error.ts';
import { useClient } from './provider.tsx';
import { queryKeys } from './query-keys.ts';

/** The space's device app passwords, oldest first. */
export function useAppPasswords() {
  const client = useClient();
  return useQuery<AppPassword[], ApiError>({
    queryKey: queryKeys.appPasswords(),
    queryFn: ({ signal }) => client.appPasswords.list({ signal }),
  });
}

/** `mutate(label)`: the result's `password` is the only time it can be shown; refreshes the list. */
export function useCreateAppPassword() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation<CreatedAppPassword, ApiError, string>({
    mutationFn: (label) => client.appPasswords.create(label),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.appPasswords() }),
  });
}

/** A revoked password leaves the list at once, before the list is fetched again. */
export function refreshAfterRevoke(queryClient: QueryClient, id: string) {
  queryClient.setQueryData<AppPassword[]>(queryKeys.appPasswords(), (items) => items?.filter((item) => item.id !== id));
  return queryClient.invalidateQueries({ queryKey: queryKeys.appPasswords() });
}

/** `mutate(id)`: revokes it; one already gone (another tab) leaves the list too. */
export function useRevokeAppPassword() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation<void, ApiError, string>({
    mutationFn: (id) => client.appPasswords.revoke(id),
    onSuccess: (_revoked, id) => refreshAfterRevoke(queryClient, id),
    onError: (error, id) => (error.code === 'not_found' ? refreshAfterRevoke(queryClient, id) : undefined),
  });
}
