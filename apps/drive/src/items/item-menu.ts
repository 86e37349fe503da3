import type { FileDoc } from '@mytoutatice/contract';
import type { MenuItem, Translate, UiMessageKey } from '@mytoutatice/ui';
import type { DriveKey } from '../messages.ts';
import type { ItemActions, PlaceMode } from './use-item-actions.ts';

export type MenuHandlers = {
  t: Translate<UiMessageKey | DriveKey>;
  actions: ItemActions;
  open: (item: FileDoc) => void;
  rename: (item: FileDoc) => void;
  pickFolder: (mode: PlaceMode, items: readonly FileDoc[]) => void;
  confirmDestroy: (items: readonly FileDoc[]) => void;
  showVersions: (item: FileDoc) => void;
};

/**
 * The actions on one item or a selection, for its « ⋯ » menu, right-click and the selection bar.
 * One entry per line: adding an action (« Historique des versions ») is adding a line.
 */
export function driveMenu(targets: readonly FileDoc[], { t, actions, open, rename, pickFolder, showVersions }: MenuHandlers): MenuItem[] {
  const [one] = targets;
  const single = targets.length === 1 && one !== undefined ? one : null;
  const singleFile = single?.type === 'file' ? single : null;
  const allFavorite = targets.every((item) => item.favorite);
  return [
    ...(single ? [{ id: 'open', label: t('drive.open'), onSelect: () => open(single) }] : []),
    { id: 'download', label: t('action.download'), onSelect: () => void actions.download(targets) },
    ...(single ? [{ id: 'rename', label: t('action.rename'), onSelect: () => rename(single) }] : []),
    ...(singleFile ? [{ id: 'versions', label: t('drive.versions.history'), onSelect: () => showVersions(singleFile) }] : []),
    { id: 'move', label: t('action.moveTo'), onSelect: () => pickFolder('move', targets) },
    { id: 'copy', label: t('drive.copyTo'), onSelect: () => pickFolder('copy', targets) },
    {
      id: 'favorite',
      label: allFavorite ? t('drive.favorite.remove') : t('drive.favorite.add'),
      onSelect: () => void actions.toggleFavorite(targets),
    },
    { id: 'share', label: t('action.share'), disabled: true, title: t('drive.share.soon'), onSelect: () => undefined },
    { id: 'trash', label: t('action.delete'), danger: true, onSelect: () => void actions.trash(targets) },
  ];
}

/** In the trash: back where it was, or gone for good (after a confirmation). */
export function trashMenu(targets: readonly FileDoc[], { t, actions, confirmDestroy }: MenuHandlers): MenuItem[] {
  return [
    { id: 'restore', label: t('drive.trash.restore'), onSelect: () => void actions.restore(targets) },
    { id: 'destroy', label: t('drive.trash.destroy'), danger: true, onSelect: () => confirmDestroy(targets) },
  ];
}
