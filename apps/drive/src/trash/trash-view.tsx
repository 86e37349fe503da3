import { ROOT_ID } from '@mytoutatice/sdk';
import { useEmptyTrash, useTrashListing } from '@mytoutatice/sdk/react';
import { Button, EmptyState, ErrorPanel, errorText, Loading, useT, useToast } from '@mytoutatice/ui';
import { useState } from 'react';
import type { DriveKey } from '../messages.ts';
import { ConfirmDialog } from '../items/confirm-dialog.tsx';
import { ItemBrowser } from '../items/item-browser.tsx';
import { DrivePage } from '../nav/drive-page.tsx';

/** « Corbeille »: what was deleted, where it was, back or gone for good; « Vider la corbeille ». */
export function TrashView() {
  const t = useT<DriveKey>();
  const toast = useToast();
  const trash = useTrashListing();
  const empty = useEmptyTrash();
  const [confirming, setConfirming] = useState(false);
  const hasItems = (trash.data?.items.length ?? 0) > 0;

  return (
    <DrivePage
      current="trash"
      title={t('nav.trash')}
      actions={
        hasItems ? (
          <Button variant="danger" onClick={() => setConfirming(true)} disabled={empty.isPending}>
            {t('drive.trash.emptyAction')}
          </Button>
        ) : null
      }
    >
      {trash.isError ? (
        <ErrorPanel title={t('drive.loadError')} onRetry={() => void trash.refetch()} />
      ) : trash.isPending ? (
        <Loading />
      ) : !hasItems ? (
        <EmptyState title={t('drive.trash.empty')} text={t('drive.trash.emptyText')} />
      ) : (
        <ItemBrowser mode="trash" label={t('nav.trash')} items={trash.data.items} paging={trash} columns={['origin', 'trashed', 'size']} folderId={ROOT_ID} />
      )}
      {confirming ? (
        <ConfirmDialog
          title={t('drive.trash.emptyAction')}
          text={t('drive.trash.confirmEmpty')}
          confirm={t('drive.trash.emptyAction')}
          onConfirm={() =>
            empty.mutate(undefined, {
              onSuccess: () => toast.success(t('drive.trash.emptied')),
              onError: (error) => toast.error(errorText(t, error)),
            })
          }
          onClose={() => setConfirming(false)}
        />
      ) : null}
    </DrivePage>
  );
}
