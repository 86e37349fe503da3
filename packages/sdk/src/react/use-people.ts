import { MAX_PEOPLE_QUERY, MIN_PEOPLE_QUERY, type PeopleList } from '@mytoutatice/contract';
import { useQuery } from '@tanstack/react-query';
import type { ApiError } from '../api-error.ts';
import { useClient } from './provider.tsx';
import { queryKeys } from './query-keys.ts';

/**
 * The people matching what is typed (name or email's start), to share with. Idle while the query
 * is under 2 characters (or over 100); while typing on, the previous answer stays on screen until
 * the next one comes. Debouncing the keystrokes is the caller's.
 */
export function usePeopleSearch(q: string) {
  const client = useClient();
  const query = q.trim();
  const enabled = query.length >= MIN_PEOPLE_QUERY && query.length <= MAX_PEOPLE_QUERY;
  return useQuery<PeopleList, ApiError>({
    queryKey: queryKeys.people(query),
    queryFn: ({ signal }) => client.people.search(query, { signal }),
    enabled,
    placeholderData: (previous) => (enabled ? previous : undefined),
  });
}
