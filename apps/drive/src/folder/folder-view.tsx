import type { DriveKey } from '../messages.ts';
import { useState } from 'react';
import type { DragEvent } from 'react';
import { navigate } from '@mytoutatice/app-kit';
import { ROOT_ID } from '@mytoutatice/sdk';
import { useFile, useFolder } from '@mytoutatice/sdk/react';
import { EmptyState, ErrorPanel, errorText, Loading, useT } from '@mytoutatice/ui';
import { ItemBrowser } from '../items/item-browser.tsx';
import { DrivePage } from '../nav/drive-page.tsx';
import { useDrivePlace } from '../place/drive-place.tsx';
import { sortFromSearch, sortSearch } from '../routes.ts';
import { isAccessLost, LostAccess } from '../sharings/lost-access.tsx';
import { SharingActions } from '../sharings/sharing-actions.tsx';
import { UploadActions } from '../upload/upload-actions.tsx';
import { UploadPanel } from '../upload/upload-panel.tsx';
import { useDropUpload } from '../upload/use-drop-upload.ts';
import { useSearchString } from '../use-location.ts';
import { Breadcrumbs } from './breadcrumbs.tsx';
import { NewFolderDialog } from './new-folder-dialog.tsx';

/**
 * One folder: its content, « Importer des fichiers » (button or drop), « Nouveau dossier »; in one's
 * own space or through a sharing, offering only what one's role there allows.
 */
export function FolderView({ folderId }: { folderId: string }) {
  const t = useT<DriveKey>();
  const place = useDrivePlace();
  const { can, sharing } = place;
  const sort = sortFromSearch(useSearchString());
  const folder = useFile(folderId);
  const listing = useFolder(folderId, sort);
  const drop = useDropUpload(folderId);
  const [dragging, setDragging] = useState(false);
  const folderName = folderId === ROOT_ID ? t('drive.title') : (folder.data?.name ?? '');
  const current = sharing ? 'sharing' : 'folder';

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    if (can.upload) drop(event.dataTransfer);
  };

  if (folder.isError || listing.isError) {
    const error = folder.error ?? listing.error;
    if (sharing && isAccessLost(error)) return <LostAccess />;
    return (
      <DrivePage current={current} title={t('drive.title')}>
        <ErrorPanel
          title={error?.code === 'not_found' ? t('drive.notFound') : t('drive.loadError')}
          detail={error ? errorText(t, error) : undefined}
          onRetry={() => void listing.refetch()}
        />
      </DrivePage>
    );
  }

  return (
    <DrivePage
      current={current}
      title={folderName}
      actions={
        <>
          {can.upload && <UploadActions folderId={folderId} />}
          {can.write && <NewFolderDialog parentId={folderId} />}
          {sharing && <SharingActions sharing={sharing} />}
        </>
      }
    >
      {folder.data && <Breadcrumbs folder={folder.data} />}
      {sharing && <p className="mt-sharing-from">{t('drive.shared.from', { name: sharing.owner.name })}</p>}
      {can.onlyOwn && <p className="mt-sharing-note">{t('drive.shared.onlyOwn')}</p>}
      <section
        className={`mt-drive-drop${dragging ? ' mt-drive-drop--active' : ''}`}
        aria-label={folderName}
        onDragOver={(e) => {
          e.preventDefault();
          if (can.upload) setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        {dragging && <p className="mt-drive-drop__hint">{t('drive.drop', { name: folderName })}</p>}
        {listing.isPending ? (
          <Loading />
        ) : listing.data.items.length === 0 ? (
          <EmptyState title={t('drive.empty.title')} text={can.upload ? t('drive.empty.text') : undefined} />
        ) : (
          <ItemBrowser
            mode="drive"
            label={t('drive.list.label', { name: folderName })}
            items={listing.data.items}
            paging={listing}
            columns={['updated', 'size']}
            folderId={folderId}
            sort={sort}
            onSort={(next) => navigate(`${place.folderHref(folderId)}${sortSearch(next)}`)}
          />
        )}
      </section>
      <UploadPanel />
    </DrivePage>
  );
}
