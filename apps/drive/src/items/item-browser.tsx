import type { FileDoc } from '@mytoutatice/contract';
import { navigate } from '@mytoutatice/app-kit';
import { useSharings } from '@mytoutatice/sdk/react';
import { useT } from '@mytoutatice/ui';
import { useMemo, useState } from 'react';
import type { KeyboardEvent, MouseEvent } from 'react';
import type { DriveKey } from '../messages.ts';
import { useOpenFile } from '../open-file.ts';
import { useDrivePlace } from '../place/drive-place.tsx';
import type { ListingSort } from '../routes.ts';
import { ShareDialog } from '../share/share-dialog.tsx';
import { AddToMinePicker } from '../sharings/add-to-mine-picker.tsx';
import { ConfirmDialog } from './confirm-dialog.tsx';
import { FolderPicker } from './folder-picker.tsx';
import { ItemGrid } from './item-grid.tsx';
import { driveMenu, trashMenu } from './item-menu.ts';
import type { MenuHandlers } from './item-menu.ts';
import type { ItemContext } from './item-parts.tsx';
import { ItemTable } from './item-table.tsx';
import type { Column, ItemViewProps } from './item-view-props.ts';
import { LazyVersionHistory } from '../versions/lazy-version-history.tsx';
import { SelectionBar } from './selection-bar.tsx';
import { keepShown, keyTarget, moveTo, noSelection, pick, selectAll } from './selection.ts';
import type { PickMode } from './selection.ts';
import { useItemActions } from './use-item-actions.ts';
import type { PlaceMode } from './use-item-actions.ts';
import type { Paging } from './use-virtual-rows.ts';
import { ViewToolbar } from './view-toolbar.tsx';
import { useViewMode } from './use-view-mode.ts';

export type ItemBrowserProps = {
  mode: 'drive' | 'trash';
  /** The list's accessible name. */
  label: string;
  items: readonly FileDoc[];
  paging: Paging;
  columns: readonly Column[];
  /** Where « Déplacer vers… » starts: the folder shown, or the root. */
  folderId: string;
  sort?: ListingSort | undefined;
  onSort?: ((sort: ListingSort) => void) | undefined;
};

const INNER_CONTROLS = 'button, input, [role="menu"]';

/**
 * A list of items with everything the Drive does on them: list or grid, selection by mouse, touch
 * (checkboxes) and keyboard, the « ⋯ » menu (also on right-click), the selection bar, inline rename,
 * the folder picker and confirmations.
 */
export function ItemBrowser({ mode, label, items, paging, columns, folderId, sort, onSort }: ItemBrowserProps) {
  const t = useT<DriveKey>();
  const actions = useItemActions();
  const place = useDrivePlace();
  const openFile = useOpenFile();
  const sharings = useSharings();
  const [viewMode, setViewMode] = useViewMode();
  const [chosen, setSelection] = useState(noSelection);
  const [focusTick, setFocusTick] = useState(0);
  const [renamingId, setRenamingId] = useState<string | null>(null);
  const [picker, setPicker] = useState<{ mode: PlaceMode | 'mine'; items: readonly FileDoc[] } | null>(null);
  const [sharingItem, setSharingItem] = useState<FileDoc | null>(null);
  const [destroying, setDestroying] = useState<readonly FileDoc[] | null>(null);
  const [versionsOf, setVersionsOf] = useState<FileDoc | null>(null);

  const order = useMemo(() => items.map((item) => item.id), [items]);
  // Items trashed or moved away (here or elsewhere, live) leave the selection.
  const selection = useMemo(() => keepShown(chosen, order), [chosen, order]);
  const selected = items.filter((item) => selection.ids.has(item.id));
  // The seed's « ÉTAT » mark: what one has shared with someone, in one's own space.
  const sent = sharings.data?.sent;
  const sharedIds = useMemo(
    () => new Set(place.sharing === null ? (sent ?? []).filter((sharing) => sharing.members.length > 0).map((sharing) => sharing.item.id) : []),
    [sent, place.sharing],
  );
  const writable = (targets: readonly FileDoc[]) => place.can.write && !targets.some((item) => place.isSharedItem(item.id));

  const select = (next: typeof selection, moveFocus = false) => {
    setSelection(next);
    if (moveFocus) setFocusTick((tick) => tick + 1);
  };
  const open = (item: FileDoc) => {
    if (mode === 'trash') return;
    if (item.type === 'directory') navigate(place.folderHref(item.id));
    else openFile(item);
  };
  const handlers: MenuHandlers = {
    t,
    actions,
    place,
    open,
    rename: (item) => setRenamingId(item.id),
    pickFolder: (placeMode, targets) => setPicker({ mode: placeMode, items: targets }),
    confirmDestroy: setDestroying,
    showVersions: setVersionsOf,
    share: setSharingItem,
  };
  const menu = mode === 'drive' ? driveMenu : trashMenu;
  /** An item's menu acts on the whole selection when the item is part of it. */
  const targetsOf = (item: FileDoc) => (selection.ids.has(item.id) && selected.length > 1 ? selected : [item]);
  const context: ItemContext = {
    renamingId,
    endRename: () => {
      setRenamingId(null);
      setFocusTick((tick) => tick + 1);
    },
    menuFor: (item) => menu(targetsOf(item), handlers),
    linkFolders: mode === 'drive',
    folderHref: place.folderHref,
    isShared: (id) => sharedIds.has(id),
    openFile: mode === 'drive' ? openFile : undefined,
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>, perLine: number) => {
    const row = event.target as HTMLElement;
    if (!row.hasAttribute('data-item')) return;
    const mod = event.ctrlKey || event.metaKey;
    const focused = items[selection.focus];
    const targets = selected.length > 0 ? selected : focused ? [focused] : [];
    const to = keyTarget(event.key, selection.focus, items.length, perLine);
    if (to !== null) {
      select(moveTo(selection, order, to, { range: event.shiftKey, toggle: mod }), true);
    } else if (event.key === ' ') {
      select(pick(selection, order, selection.focus, { toggle: true }));
    } else if (mod && event.key.toLowerCase() === 'a') {
      select(selectAll(order, selection));
    } else if (event.key === 'Escape' && selection.ids.size > 0) {
      select({ ...selection, ids: new Set() });
    } else if (event.key === 'Enter' && focused) {
      open(focused);
    } else if (event.key === 'Delete' && targets.length > 0) {
      // The focus goes on to the item taking the place of those trashed.
      if (mode === 'trash') setDestroying(targets);
      else if (writable(targets)) void actions.trash(targets).then(() => setFocusTick((tick) => tick + 1));
    } else if (event.key === 'F2' && focused && mode === 'drive' && writable([focused])) {
      setRenamingId(focused.id);
    } else if (event.key === 'ContextMenu' || (event.shiftKey && event.key === 'F10')) {
      row.querySelector<HTMLButtonElement>('.mt-item__menu button')?.click();
    } else {
      return;
    }
    event.preventDefault();
  };

  const itemProps: ItemViewProps['itemProps'] = (item, index) => ({
    'data-item': index,
    tabIndex: index === selection.focus ? 0 : -1,
    'aria-selected': selection.ids.has(item.id),
    onClick: (event: MouseEvent<HTMLElement>) => {
      const inner = event.target as Element;
      const modified = event.shiftKey || event.ctrlKey || event.metaKey;
      if (inner.closest(INNER_CONTROLS) || (inner.closest('a') && !modified)) return;
      const how: PickMode = { range: event.shiftKey, toggle: event.ctrlKey || event.metaKey };
      select(pick(selection, order, index, how));
    },
    onDoubleClick: (event: MouseEvent<HTMLElement>) => {
      if (!(event.target as Element).closest(INNER_CONTROLS)) open(item);
    },
    onContextMenu: (event: MouseEvent<HTMLElement>) => {
      if ((event.target as Element).closest('input')) return;
      event.preventDefault();
      if (!selection.ids.has(item.id)) select(pick(selection, order, index));
      event.currentTarget.querySelector<HTMLButtonElement>('.mt-item__menu button')?.click();
    },
    onFocus: (event) => {
      if (event.target === event.currentTarget && selection.focus !== index) setSelection({ ...selection, focus: index });
    },
  });

  const placing = picker && picker.mode !== 'mine' ? { mode: picker.mode, items: picker.items } : null;

  const view: ItemViewProps = {
    label,
    items,
    columns,
    paging,
    focus: { index: selection.focus, tick: focusTick },
    selected: selection.ids,
    itemProps,
    onToggle: (index) => select(pick(selection, order, index, { toggle: true })),
    onKeyDown,
    context,
    sort,
    onSort,
  };

  return (
    <>
      <ViewToolbar mode={viewMode} onMode={setViewMode} sort={sort} onSort={onSort} />
      {viewMode === 'grid' ? <ItemGrid {...view} /> : <ItemTable {...view} />}
      <SelectionBar
        count={selected.length}
        actions={menu(selected, handlers).filter((action) => action.id !== 'open')}
        onClear={() => select({ ...selection, ids: new Set() })}
      />
      {picker?.mode === 'mine' && place.sharing ? (
        <AddToMinePicker
          sharingId={place.sharing.id}
          targets={picker.items.map((item) => ({ itemId: item.id, name: item.name }))}
          onClose={() => setPicker(null)}
        />
      ) : placing ? (
        <FolderPicker
          mode={placing.mode}
          items={placing.items}
          startId={placing.items[0]?.parentId ?? folderId}
          onClose={() => setPicker(null)}
          onPick={(target) => actions.place(placing.mode, placing.items, target)}
        />
      ) : null}
      {sharingItem ? <ShareDialog item={sharingItem} onClose={() => setSharingItem(null)} /> : null}
      {destroying ? (
        <ConfirmDialog
          title={t('drive.trash.destroy')}
          text={
            destroying.length === 1
              ? t('drive.trash.confirmDestroy.one', { name: destroying[0]?.name ?? '' })
              : t('drive.trash.confirmDestroy.many', { count: destroying.length })
          }
          confirm={t('drive.trash.destroy')}
          onConfirm={() => void actions.destroy(destroying)}
          onClose={() => setDestroying(null)}
        />
      ) : null}
      {versionsOf ? <LazyVersionHistory file={versionsOf} onClose={() => setVersionsOf(null)} /> : null}
    </>
  );
}
