import type { InstalledApp, InstanceInfo, Me, OnboardingBody, Space } from '@mytoutatice/contract';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiError } from '../api-error.ts';
import type { Client } from '../client.ts';
import { useClient } from './provider.tsx';
import { queryKeys } from './query-keys.ts';

/** Also usable outside React: `await queryClient.fetchQuery(meQueryOptions(client))`. */
export const meQueryOptions = (client: Client) =>
  queryOptions<Me, ApiError>({
    queryKey: queryKeys.me(),
    queryFn: ({ signal }) => client.space.me({ signal }),
  });

export const appsQueryOptions = (client: Client) =>
  queryOptions<InstalledApp[], ApiError>({
    queryKey: queryKeys.apps(),
    queryFn: ({ signal }) => client.space.apps({ signal }),
  });

export function useMe() {
  return useQuery(meQueryOptions(useClient()));
}

/** Onboarding; refreshes `useMe()` (whose `space` is then set) and the apps. */
export function useCreateSpace() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation<Space, ApiError, OnboardingBody>({
    mutationFn: (body) => client.space.create(body),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.me() }),
        queryClient.invalidateQueries({ queryKey: queryKeys.apps() }),
      ]),
  });
}

export function useApps() {
  return useQuery(appsQueryOptions(useClient()));
}

/** Quota and usage (files, trash, versions); refreshed with file listings on any change. */
export function useUsage() {
  const client = useClient();
  return useQuery<InstanceInfo, ApiError>({
    queryKey: queryKeys.usage(),
    queryFn: ({ signal }) => client.space.usage({ signal }),
  });
}
