import type { CreateLinkBody, PublicLink } from '@mytoutatice/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiError } from '../api-error.ts';
import { useClient } from './provider.tsx';
import { queryKeys } from './query-keys.ts';

/** The public links one made to an item, oldest first. */
export function useLinks(itemId: string) {
  const client = useClient();
  return useQuery<PublicLink[], ApiError>({
    queryKey: queryKeys.links(itemId),
    queryFn: ({ signal }) => client.links.list(itemId, { signal }),
  });
}

/** `mutate(body)`: « Générer un lien »; the item's list shows it at once. */
export function useCreateLink() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation<PublicLink, ApiError, CreateLinkBody>({
    mutationFn: (body) => client.links.create(body),
    onSuccess: (link) => {
      queryClient.setQueryData<PublicLink[]>(queryKeys.links(link.item.id), (links) => [...(links ?? []), link]);
      return queryClient.invalidateQueries({ queryKey: queryKeys.links(link.item.id) });
    },
  });
}

/** `mutate(link)`: « Désactiver le lien »; one already gone (another tab) leaves the list too. */
export function useDisableLink() {
  const client = useClient();
  const queryClient = useQueryClient();
  const forget = (link: PublicLink) => {
    queryClient.setQueryData<PublicLink[]>(queryKeys.links(link.item.id), (links) => links?.filter((other) => other.id !== link.id));
    return queryClient.invalidateQueries({ queryKey: queryKeys.links(link.item.id) });
  };
  return useMutation<void, ApiError, PublicLink>({
    mutationFn: (link) => client.links.disable(link.id),
    onSuccess: (_done, link) => forget(link),
    onError: (error, link) => (error.code === 'not_found' ? forget(link) : undefined),
  });
}
