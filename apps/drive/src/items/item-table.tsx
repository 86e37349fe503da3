import type { FileDoc, FileSort } from '@mytoutatice/contract';
import { formatBytes, formatDate, useLocale, useT } from '@mytoutatice/ui';
import { memo } from 'react';
import type { DriveKey } from '../messages.ts';
import { ItemCheckbox, ItemLocation, ItemMenu, ItemName } from './item-parts.tsx';
import type { Column, ItemViewProps } from './item-view-props.ts';
import { useVirtualRows } from './use-virtual-rows.ts';

const HEADINGS: Record<Column, DriveKey> = {
  updated: 'drive.column.updated',
  size: 'drive.column.size',
  location: 'drive.column.location',
  origin: 'drive.column.origin',
  trashed: 'drive.column.trashed',
};
const SORTABLE: Partial<Record<Column | 'name', FileSort>> = { name: 'name', updated: 'updated', size: 'size' };

/** Widths come from the header cells (fixed table layout); the other columns leave on a phone. */
function classOf(column: Column | 'name'): string | undefined {
  if (column === 'name') return undefined;
  return column === 'location' || column === 'origin'
    ? 'mt-item-table__col mt-item-table__col--location mt-col--secondary'
    : 'mt-item-table__col mt-col--secondary';
}

/** The seed's list (Nom, Mise à jour, Taille) as an ARIA grid: one row per item, drawn as it scrolls into view. */
export function ItemTable(props: ItemViewProps) {
  const { label, items, columns, paging, focus, selected, itemProps, onToggle, onKeyDown, context, sort, onSort } = props;
  const t = useT<DriveKey>();
  const locale = useLocale();
  const { listRef, virtualizer, drawn, before, after } = useVirtualRows<HTMLTableElement>({ rows: items.length, estimate: 65, paging, focus: { ...focus, row: focus.index } });
  const span = columns.length + 3;

  const heading = (column: Column | 'name', text: string) => {
    const key = SORTABLE[column];
    const className = classOf(column);
    if (!key || !sort || !onSort) return <th scope="col" key={column} className={className}>{text}</th>;
    const active = sort.sort === key;
    return (
      <th
        scope="col"
        key={column}
        className={className}
        aria-sort={active ? (sort.order === 'asc' ? 'ascending' : 'descending') : 'none'}
      >
        <button
          type="button"
          className="mt-sort"
          onClick={() => onSort({ sort: key, order: active && sort.order === 'asc' ? 'desc' : active || key === 'name' ? 'asc' : 'desc' })}
        >
          {text}
          <span aria-hidden="true">{active ? (sort.order === 'asc' ? ' ↑' : ' ↓') : ''}</span>
        </button>
      </th>
    );
  };

  return (
    <table
      ref={listRef}
      role="grid"
      aria-label={label}
      aria-multiselectable="true"
      aria-rowcount={paging.hasNextPage ? -1 : items.length + 1}
      className="mt-table mt-item-table"
      onKeyDown={(event) => onKeyDown(event, 1)}
    >
      <thead>
        <tr aria-rowindex={1}>
          <td className="mt-item-table__check" />
          {heading('name', t('drive.column.name'))}
          {columns.map((column) => heading(column, t(HEADINGS[column])))}
          <td className="mt-item-table__actions">
            <span className="mt-visually-hidden">{t('drive.column.actions')}</span>
          </td>
        </tr>
      </thead>
      <tbody>
        {before > 0 ? (
          <tr aria-hidden="true">
            <td colSpan={span} style={{ height: before, padding: 0 }} />
          </tr>
        ) : null}
        {drawn.map((row) => {
          const item = items[row.index];
          if (!item) return null;
          return (
            <ItemRow
              key={item.id}
              item={item}
              index={row.index}
              selected={selected.has(item.id)}
              columns={columns}
              locale={locale}
              context={context}
              itemProps={itemProps}
              onToggle={onToggle}
              measure={virtualizer.measureElement}
            />
          );
        })}
        {after > 0 ? (
          <tr aria-hidden="true">
            <td colSpan={span} style={{ height: after, padding: 0 }} />
          </tr>
        ) : null}
      </tbody>
    </table>
  );
}

/** What a column shows of an item, as text; null for the columns that show more (a link). */
function text(item: FileDoc, column: Column, locale: string): string | null {
  switch (column) {
    case 'updated':
      return formatDate(item.updatedAt, locale);
    case 'trashed':
      return item.trashedAt ? formatDate(item.trashedAt, locale) : '—';
    case 'size':
      return item.size === null ? '—' : formatBytes(item.size, locale);
    case 'location':
    case 'origin':
      return null;
  }
}

/** A cell of a column besides the name. */
function cell(item: FileDoc, column: Column, locale: string) {
  return (
    <td key={column} className="mt-col--secondary">
      {text(item, column, locale) ?? <ItemLocation item={item} link={column === 'location'} />}
    </td>
  );
}

/**
 * On a phone, where the other columns leave so that the name has the row's width (and breaks
 * only between words), the dates and size go on a line of their own under it: drawn by the
 * stylesheet from `data-meta`, so the row header's text and name stay the item's name.
 */
function phoneMeta(item: FileDoc, columns: readonly Column[], locale: string): string | undefined {
  const parts = columns.flatMap((column) => text(item, column, locale) ?? []).filter((part) => part !== '—');
  return parts.length === 0 ? undefined : parts.join(' · ');
}

type ItemRowProps = Pick<ItemViewProps, 'columns' | 'context' | 'itemProps' | 'onToggle'> & {
  item: FileDoc;
  index: number;
  selected: boolean;
  locale: string;
  measure: (element: HTMLElement | null) => void;
};

/**
 * One row, drawn again only when its own props change: scrolling re-renders the table, and the
 * rows already on screen keep theirs (the list's handlers and context are the same objects).
 */
const ItemRow = memo(function ItemRow({ item, index, selected, columns, locale, context, itemProps, onToggle, measure }: ItemRowProps) {
  return (
    <tr ref={measure} data-index={index} aria-rowindex={index + 2} className="mt-item" {...itemProps(item, index)}>
      <td className="mt-item-table__check">
        <ItemCheckbox item={item} selected={selected} onToggle={() => onToggle(index)} />
      </td>
      <th scope="row" className="mt-item-table__name" data-meta={phoneMeta(item, columns, locale)}>
        <ItemName item={item} context={context} />
      </th>
      {columns.map((column) => cell(item, column, locale))}
      <td className="mt-item-table__actions">
        <ItemMenu item={item} context={context} />
      </td>
    </tr>
  );
});
