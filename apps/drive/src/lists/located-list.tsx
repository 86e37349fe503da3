import type { FileDoc } from '@mytoutatice/contract';
import { ROOT_ID } from '@mytoutatice/sdk';
import { EmptyState, ErrorPanel, Loading, useT } from '@mytoutatice/ui';
import type { DriveKey } from '../messages.ts';
import { ItemBrowser } from '../items/item-browser.tsx';
import type { Column } from '../items/item-view-props.ts';
import type { Paging } from '../items/use-virtual-rows.ts';

export type LocatedListQuery = Paging & {
  isPending: boolean;
  isError: boolean;
  data: { items: readonly FileDoc[] } | undefined;
  refetch: () => unknown;
};

/** Items from anywhere in the Drive (recents, favourites, search results), each with where it is. */
export function LocatedList({ query, label, empty, emptyText, columns = ['location', 'updated', 'size'] }: {
  query: LocatedListQuery;
  label: string;
  empty: string;
  emptyText?: string;
  columns?: readonly Column[];
}) {
  const t = useT<DriveKey>();
  if (query.isError) return <ErrorPanel title={t('drive.loadError')} onRetry={() => void query.refetch()} />;
  if (query.isPending || !query.data) return <Loading />;
  if (query.data.items.length === 0) return <EmptyState title={empty} text={emptyText} />;
  return <ItemBrowser mode="drive" label={label} items={query.data.items} paging={query} columns={columns} folderId={ROOT_ID} />;
}
