import type { FileDoc } from '@mytoutatice/contract';
import type { MenuItem, Translate, UiMessageKey } from '@mytoutatice/ui';
import type { DriveKey } from '../messages.ts';
import type { DrivePlace } from '../place/drive-place.tsx';
import type { ItemActions, PlaceMode } from './use-item-actions.ts';

export type MenuHandlers = {
  t: Translate<UiMessageKey | DriveKey>;
  actions: ItemActions;
  /** Where the items are: says which actions the person may take. */
  place: Pick<DrivePlace, 'can' | 'isSharedItem'>;
  open: (item: FileDoc) => void;
  rename: (item: FileDoc) => void;
  /** `mine`: « Ajouter à mon espace », a folder of one's own space for what a sharing shows. */
  pickFolder: (mode: PlaceMode | 'mine', items: readonly FileDoc[]) => void;
  confirmDestroy: (items: readonly FileDoc[]) => void;
  showVersions: (item: FileDoc) => void;
  share: (item: FileDoc) => void;
};

/**
 * The actions on one item or a selection, for its « ⋯ » menu, right-click and the selection bar.
 * One entry per line: adding an action (« Historique des versions ») is adding a line. Only what
 * the place allows is offered (a « Peut consulter » sharing shows no write at all).
 */
export function driveMenu(targets: readonly FileDoc[], handlers: MenuHandlers): MenuItem[] {
  const { t, actions, place, open, rename, pickFolder, showVersions, share } = handlers;
  const { can } = place;
  const [one] = targets;
  const single = targets.length === 1 && one !== undefined ? one : null;
  const singleFile = single?.type === 'file' ? single : null;
  const allFavorite = targets.every((item) => item.favorite);
  // The shared item itself is the owner's to rename, move or trash, whatever one's role.
  const placeable = can.write && !targets.some((item) => place.isSharedItem(item.id));
  const entries: (MenuItem | false | null)[] = [
    single && { id: 'open', label: t('drive.open'), onSelect: () => open(single) },
    { id: 'download', label: t('action.download'), onSelect: () => void actions.download(targets) },
    single && placeable && { id: 'rename', label: t('action.rename'), onSelect: () => rename(single) },
    singleFile && can.write && { id: 'versions', label: t('drive.versions.history'), onSelect: () => showVersions(singleFile) },
    placeable && { id: 'move', label: t('action.moveTo'), onSelect: () => pickFolder('move', targets) },
    can.write && { id: 'copy', label: t('drive.copyTo'), onSelect: () => pickFolder('copy', targets) },
    can.addToMine && { id: 'mine', label: t('drive.shared.addToMine'), onSelect: () => pickFolder('mine', targets) },
    can.favorite && {
      id: 'favorite',
      label: allFavorite ? t('drive.favorite.remove') : t('drive.favorite.add'),
      onSelect: () => void actions.toggleFavorite(targets),
    },
    // One item at a time: a sharing is of one file or folder.
    can.share && single && { id: 'share', label: t('action.share'), onSelect: () => share(single) },
    placeable && { id: 'trash', label: t('action.delete'), danger: true, onSelect: () => void actions.trash(targets) },
  ];
  return entries.filter((entry): entry is MenuItem => Boolean(entry));
}

/** In the trash: back where it was, or gone for good (after a confirmation). */
export function trashMenu(targets: readonly FileDoc[], { t, actions, confirmDestroy }: MenuHandlers): MenuItem[] {
  return [
    { id: 'restore', label: t('drive.trash.restore'), onSelect: () => void actions.restore(targets) },
    { id: 'destroy', label: t('drive.trash.destroy'), danger: true, onSelect: () => confirmDestroy(targets) },
  ];
}
