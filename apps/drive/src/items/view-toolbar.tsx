import type { FileSort, SortOrder } from '@mytoutatice/contract';
import { Button, Icon, useT } from '@mytoutatice/ui';
import { useId } from 'react';
import type { DriveKey } from '../messages.ts';
import type { ListingSort } from '../routes.ts';
import type { ViewMode } from './use-view-mode.ts';

const SORTS: readonly { sort: FileSort; order: SortOrder; label: DriveKey }[] = [
  { sort: 'name', order: 'asc', label: 'drive.sort.nameAsc' },
  { sort: 'name', order: 'desc', label: 'drive.sort.nameDesc' },
  { sort: 'updated', order: 'desc', label: 'drive.sort.updatedDesc' },
  { sort: 'updated', order: 'asc', label: 'drive.sort.updatedAsc' },
  { sort: 'size', order: 'desc', label: 'drive.sort.sizeDesc' },
  { sort: 'size', order: 'asc', label: 'drive.sort.sizeAsc' },
];

/**
 * Liste / Grille, and in the grid (which has no column headers) the sort as a select.
 */
export function ViewToolbar({
  mode,
  onMode,
  sort,
  onSort,
}: {
  mode: ViewMode;
  onMode: (mode: ViewMode) => void;
  sort?: ListingSort | undefined;
  onSort?: ((sort: ListingSort) => void) | undefined;
}) {
  const t = useT<DriveKey>();
  const sortId = useId();
  return (
    <div className="mt-view-toolbar">
      {mode === 'grid' && sort && onSort ? (
        <span className="mt-view-toolbar__sort">
          <label htmlFor={sortId}>{t('drive.sort.label')}</label>
          <select
            id={sortId}
            className="mt-field__input"
            value={`${sort.sort}:${sort.order}`}
            onChange={(event) => {
              const chosen = SORTS.find((option) => `${option.sort}:${option.order}` === event.target.value);
              if (chosen) onSort({ sort: chosen.sort, order: chosen.order });
            }}
          >
            {SORTS.map((option) => (
              <option key={`${option.sort}:${option.order}`} value={`${option.sort}:${option.order}`}>
                {t(option.label)}
              </option>
            ))}
          </select>
        </span>
      ) : null}
      <div className="mt-view-toolbar__modes" role="group" aria-label={t('drive.view.label')}>
        <Button size="sm" variant="ghost" icon={<Icon name="menu" />} aria-pressed={mode === 'list'} onClick={() => onMode('list')}>
          {t('drive.view.list')}
        </Button>
        <Button size="sm" variant="ghost" icon={<Icon name="grid" />} aria-pressed={mode === 'grid'} onClick={() => onMode('grid')}>
          {t('drive.view.grid')}
        </Button>
      </div>
    </div>
  );
}
