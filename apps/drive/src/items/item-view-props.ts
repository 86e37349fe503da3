import type { FileDoc } from '@mytoutatice/contract';
import type { HTMLAttributes, KeyboardEvent } from 'react';
import type { ListingSort } from '../routes.ts';
import type { ItemContext } from './item-parts.tsx';
import type { Paging } from './use-virtual-rows.ts';

/** Columns besides the name; on a phone the list view puts their dates and size under the name. */
export type Column = 'updated' | 'size' | 'location' | 'origin' | 'trashed';

/** What the list and grid views share: they differ only in how they lay items out. */
export type ItemViewProps = {
  label: string;
  items: readonly FileDoc[];
  columns: readonly Column[];
  paging: Paging;
  focus: { index: number; tick: number };
  selected: ReadonlySet<string>;
  itemProps: (item: FileDoc, index: number) => HTMLAttributes<HTMLElement> & { 'data-item': number };
  onToggle: (index: number) => void;
  /** Keys on an item; `columns` says how many items a line holds (↑ ↓ move by that many). */
  onKeyDown: (event: KeyboardEvent<HTMLElement>, columns: number) => void;
  context: ItemContext;
  sort?: ListingSort | undefined;
  onSort?: ((sort: ListingSort) => void) | undefined;
};
