import type { FileDoc } from '@mytoutatice/contract';
import { ROOT_ID } from '@mytoutatice/sdk';
import { useFile, useFolder } from '@mytoutatice/sdk/react';
import { Button, Dialog, Icon, Loading, useT } from '@mytoutatice/ui';
import { useState } from 'react';
import type { DriveKey } from '../messages.ts';
import { useDrivePlace } from '../place/drive-place.tsx';
import type { PlaceMode } from './use-item-actions.ts';

export type FolderPickerProps = {
  /** `mine`: « Ajouter à mon espace » (render it in one's own files scope). */
  mode: PlaceMode | 'mine';
  items: readonly FileDoc[];
  /** Where the picker starts (the folder the items are in). */
  startId: string;
  onClose: () => void;
  /** Resolves true when done (the dialog closes), false to let the person choose again. */
  onPick: (folderId: string) => Promise<boolean>;
};

/**
 * « Déplacer vers… » / « Copier vers… »: walks the folders down and up (no higher than the place's
 * top: a sharing's item), and refuses to go into an item being moved (a folder cannot go inside itself).
 */
export function FolderPicker({ mode, items, startId, onClose, onPick }: FolderPickerProps) {
  const t = useT<DriveKey>();
  const { rootId } = useDrivePlace();
  const [at, setAt] = useState(startId);
  const [busy, setBusy] = useState(false);
  const folder = useFile(at);
  const listing = useFolder(at);
  const moving = new Set(items.map((item) => item.id));
  const subfolders = listing.data?.items.filter((item) => item.type === 'directory') ?? [];
  const here = at === ROOT_ID ? t('drive.title') : (folder.data?.name ?? '');
  const title = mode === 'move' ? t('action.moveTo') : mode === 'copy' ? t('drive.copyTo') : t('drive.shared.addToMine');
  const confirm = mode === 'move' ? t('drive.picker.moveHere') : mode === 'copy' ? t('drive.picker.copyHere') : t('drive.shared.addHere');

  const pick = async () => {
    setBusy(true);
    const done = await onPick(at);
    setBusy(false);
    if (done) onClose();
  };

  return (
    <Dialog
      open
      onClose={onClose}
      title={title}
      actions={
        <>
          <Button variant="secondary" onClick={onClose}>
            {t('action.cancel')}
          </Button>
          <Button variant="primary" disabled={busy || moving.has(at)} onClick={() => void pick()}>
            {confirm}
          </Button>
        </>
      }
    >
      <div className="mt-picker__here">
        {at !== rootId && folder.data?.parentId ? (
          <Button
            size="sm"
            variant="ghost"
            data-autofocus
            onClick={() => folder.data?.parentId && setAt(folder.data.parentId)}
            aria-label={t('drive.parent')}
          >
            ‹
          </Button>
        ) : null}
        <p className="mt-picker__title" aria-live="polite">
          {here}
        </p>
      </div>
      {listing.isPending ? (
        <Loading />
      ) : subfolders.length === 0 ? (
        <p className="mt-picker__empty">{t('drive.picker.empty')}</p>
      ) : (
        <ul className="mt-picker__list" aria-label={t('drive.picker.list', { name: here })}>
          {subfolders.map((sub) => (
            <li key={sub.id}>
              <Button
                variant="ghost"
                className="mt-picker__folder"
                icon={<Icon name="folder" />}
                disabled={moving.has(sub.id)}
                title={moving.has(sub.id) ? t('drive.picker.itself') : undefined}
                onClick={() => setAt(sub.id)}
              >
                {sub.name}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {listing.hasNextPage ? (
        <Button size="sm" variant="secondary" onClick={() => void listing.fetchNextPage()} disabled={listing.isFetchingNextPage}>
          {t('action.loadMore')}
        </Button>
      ) : null}
    </Dialog>
  );
}
