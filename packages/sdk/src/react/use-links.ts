import type { CreateLinkBody, PublicLink } from '@mytoutatice/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiError } from '../api-error.ts';
import type { Client } from '../client.ts';
import { createLinks } from '../links.ts';
import type { LinksResource } from '../links.ts';
import { useClient } from './provider.tsx';
import { queryKeys } from './query-keys.ts';

/** The links calls on the page's own client (its transport: base URL, token, retries). */
const resources = new WeakMap<Client, LinksResource>();

/** One links resource per client (hooks re-render often). */
function useLinksResource(): LinksResource {
  const client = useClient();
  let links = resources.get(client);
  if (!links) resources.set(client, (links = createLinks(client.transport)));
  return links;
}

/** The public links one made to an item that still open it, oldest first. */
export function useLinks(itemId: string) {
  const links = useLinksResource();
  return useQuery<PublicLink[], ApiError>({
    queryKey: queryKeys.links(itemId),
    queryFn: ({ signal }) => links.list(itemId, { signal }),
  });
}

/** `mutate(body)`: « Générer un lien »; the item's list shows it at once. */
export function useCreateLink() {
  const links = useLinksResource();
  const queryClient = useQueryClient();
  return useMutation<PublicLink, ApiError, CreateLinkBody>({
    mutationFn: (body) => links.create(body),
    onSuccess: (link) => {
      queryClient.setQueryData<PublicLink[]>(queryKeys.links(link.item.id), (listed) => [...(listed ?? []), link]);
      return queryClient.invalidateQueries({ queryKey: queryKeys.links(link.item.id) });
    },
  });
}

/** `mutate(link)`: « Désactiver le lien »; one already gone (another tab) leaves the list too. */
export function useDisableLink() {
  const links = useLinksResource();
  const queryClient = useQueryClient();
  const forget = (link: PublicLink) => {
    queryClient.setQueryData<PublicLink[]>(queryKeys.links(link.item.id), (listed) => listed?.filter((other) => other.id !== link.id));
    return queryClient.invalidateQueries({ queryKey: queryKeys.links(link.item.id) });
  };
  return useMutation<void, ApiError, PublicLink>({
    mutationFn: (link) => links.disable(link.id),
    onSuccess: (_done, link) => forget(link),
    onError: (error, link) => (error.code === 'not_found' ? forget(link) : undefined),
  });
}
