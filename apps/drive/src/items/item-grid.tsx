import { formatBytes, useLocale } from '@mytoutatice/ui';
import { useLayoutEffect, useState } from 'react';
import { ItemCheckbox, ItemMenu, ItemName } from './item-parts.tsx';
import type { ItemViewProps } from './item-view-props.ts';
import { useVirtualRows } from './use-virtual-rows.ts';

/** Narrowest card; the grid fits as many per line as the width allows (two on a phone). */
const CARD_WIDTH = 160;

/** The grid view: cards in lines, each line an ARIA row, drawn as it scrolls into view. */
export function ItemGrid(props: ItemViewProps) {
  const { label, items, paging, focus, selected, itemProps, onToggle, onKeyDown, context } = props;
  const locale = useLocale();
  const [perLine, setPerLine] = useState(2);
  const lines = Math.ceil(items.length / perLine);
  const { listRef, virtualizer, drawn, before, after } = useVirtualRows<HTMLDivElement>({
    rows: lines,
    estimate: 140,
    paging,
    focus: { ...focus, row: Math.floor(focus.index / perLine) },
  });

  useLayoutEffect(() => {
    const element = listRef.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setPerLine(Math.max(2, Math.floor((entry?.contentRect.width ?? 0) / CARD_WIDTH))));
    observer.observe(element);
    return () => observer.disconnect();
  }, [listRef]);

  return (
    <div
      ref={listRef}
      role="grid"
      aria-label={label}
      aria-multiselectable="true"
      aria-rowcount={paging.hasNextPage ? -1 : lines}
      className="mt-item-grid"
      style={{ paddingTop: before, paddingBottom: after }}
      onKeyDown={(event) => onKeyDown(event, perLine)}
    >
      {drawn.map((line) => (
        <div
          key={line.key}
          role="row"
          aria-rowindex={line.index + 1}
          ref={virtualizer.measureElement}
          data-index={line.index}
          className="mt-item-grid__line"
          style={{ gridTemplateColumns: `repeat(${perLine}, minmax(0, 1fr))` }}
        >
          {items.slice(line.index * perLine, (line.index + 1) * perLine).map((item, offset) => {
            const index = line.index * perLine + offset;
            return (
              <div key={item.id} role="gridcell" className="mt-item mt-item-card" {...itemProps(item, index)}>
                <div className="mt-item-card__top">
                  <ItemCheckbox item={item} selected={selected.has(item.id)} onToggle={() => onToggle(index)} />
                  <ItemMenu item={item} context={context} />
                </div>
                <ItemName item={item} context={context} />
                <span className="mt-item-card__meta">{item.size === null ? '' : formatBytes(item.size, locale)}</span>
              </div>
            );
          })}
        </div>
      ))}
    </div>
  );
}
