import { MIN_PEOPLE_QUERY } from '@mytoutatice/contract';
import type { CreateSharingBody, FileDoc, PeopleSearch, Sharing, SharingList, SharingMemberInput, SharingRole } from '@mytoutatice/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import type { ApiError } from '../api-error.ts';
import type { CopyFromSharing } from '../sharings.ts';
import { useClient } from './provider.tsx';
import { queryKeys } from './query-keys.ts';
import { elsewhere, invalidate } from './use-files.ts';

/** « Partages »: what one has sent and received, newest first. */
export function useSharings() {
  const client = useClient();
  return useQuery<SharingList, ApiError>({
    queryKey: queryKeys.sharings(),
    queryFn: ({ signal }) => client.sharings.list({ signal }),
  });
}

/**
 * One sharing as the caller sees it (their `access`). A `FilesScopeProvider` on it refreshes it
 * when the owner changes one's role or removes one (its realtime socket is told at once).
 */
export function useSharing(id: string) {
  const client = useClient();
  return useQuery<Sharing, ApiError>({
    queryKey: queryKeys.sharingDetail(id),
    queryFn: ({ signal }) => client.sharings.get(id, { signal }),
  });
}

/** People of the académie with a space, by name or address; idle under 2 characters. */
export function usePeopleSearch(q: string) {
  const client = useClient();
  const words = q.trim();
  return useQuery<PeopleSearch, ApiError>({
    queryKey: queryKeys.people(words),
    queryFn: ({ signal }) => client.people.search(words, { signal }),
    enabled: words.length >= MIN_PEOPLE_QUERY,
    staleTime: 60_000,
  });
}

/** A sharing changed: the list and that sharing are read again (the answer is kept meanwhile). */
export function refreshAfterSharingChange(queryClient: QueryClient, sharing: Sharing | string) {
  const id = typeof sharing === 'string' ? sharing : sharing.id;
  if (typeof sharing !== 'string') queryClient.setQueryData(queryKeys.sharingDetail(id), sharing);
  return queryClient.invalidateQueries({ queryKey: queryKeys.sharings() });
}

/** A sharing ended for the caller (stopped, or left): its data and what it opened leave the cache. */
export function forgetSharing(queryClient: QueryClient, id: string) {
  queryClient.removeQueries({ queryKey: queryKeys.sharingDetail(id) });
  queryClient.removeQueries({ queryKey: queryKeys.sharing(id).scope() });
  return queryClient.invalidateQueries({ queryKey: queryKeys.sharings(), exact: true });
}

/** `mutate({ itemId, members })`: shares one of one's own items. */
export function useCreateSharing() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation<Sharing, ApiError, CreateSharingBody>({
    mutationFn: (body) => client.sharings.create(body),
    onSuccess: (sharing) => refreshAfterSharingChange(queryClient, sharing),
  });
}

export type AddMembersVariables = { id: string; members: SharingMemberInput[] };

/** `mutate({ id, members })`: adds people to a sharing one owns (or gives those there the role named). */
export function useAddSharingMembers() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation<Sharing, ApiError, AddMembersVariables>({
    mutationFn: ({ id, members }) => client.sharings.addMembers(id, members),
    onSuccess: (sharing) => refreshAfterSharingChange(queryClient, sharing),
  });
}

export type ChangeRoleVariables = { id: string; slug: string; role: SharingRole };

export function useChangeSharingRole() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation<Sharing, ApiError, ChangeRoleVariables>({
    mutationFn: ({ id, slug, role }) => client.sharings.changeRole(id, slug, role),
    onSuccess: (sharing) => refreshAfterSharingChange(queryClient, sharing),
  });
}

export type RemoveMemberVariables = { id: string; slug: string; self?: boolean };

/** `mutate({ id, slug })`: the owner removes someone; `self: true` when one leaves (forgets the sharing). */
export function useRemoveSharingMember() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation<void, ApiError, RemoveMemberVariables>({
    mutationFn: ({ id, slug }) => client.sharings.removeMember(id, slug),
    onSuccess: (_done, { id, self }) =>
      self ? forgetSharing(queryClient, id) : refreshAfterSharingChange(queryClient, id),
  });
}

/** `mutate(id)`: stops a sharing one owns, for everyone. */
export function useStopSharing() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation<void, ApiError, string>({
    mutationFn: (id) => client.sharings.stop(id),
    onSuccess: (_done, id) => forgetSharing(queryClient, id),
  });
}

export type CopyFromSharingVariables = { id: string } & CopyFromSharing;

/** `mutate({ id, itemId?, folderId })`: « Ajouter à mon espace »; the folder reached in one's own space is refreshed. */
export function useCopyFromSharing() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation<FileDoc, ApiError, CopyFromSharingVariables>({
    mutationFn: ({ id, itemId, folderId }) => client.sharings.copy(id, { itemId, folderId }),
    onSuccess: (copy) =>
      invalidate(queryClient, [...(copy.parentId === null ? [] : [queryKeys.folder(copy.parentId)]), queryKeys.usage(), ...elsewhere()]),
  });
}
