import type { DriveKey } from '../messages.ts';
import { useState } from 'react';
import type { DragEvent } from 'react';
import { navigate } from '@mytoutatice/app-kit';
import { ROOT_ID } from '@mytoutatice/sdk';
import { useFile, useFolder } from '@mytoutatice/sdk/react';
import { EmptyState, ErrorPanel, Loading, useT } from '@mytoutatice/ui';
import { ItemBrowser } from '../items/item-browser.tsx';
import { DrivePage } from '../nav/drive-page.tsx';
import { folderPath, sortFromSearch, sortSearch } from '../routes.ts';
import { UploadActions } from '../upload/upload-actions.tsx';
import { UploadPanel } from '../upload/upload-panel.tsx';
import { useDropUpload } from '../upload/use-drop-upload.ts';
import { useSearchString } from '../use-location.ts';
import { Breadcrumbs } from './breadcrumbs.tsx';
import { NewFolderDialog } from './new-folder-dialog.tsx';

/** One folder: its content, « Importer des fichiers » (button or drop), « Nouveau dossier ». */
export function FolderView({ folderId }: { folderId: string }) {
  const t = useT<DriveKey>();
  const sort = sortFromSearch(useSearchString());
  const folder = useFile(folderId);
  const listing = useFolder(folderId, sort);
  const drop = useDropUpload(folderId);
  const [dragging, setDragging] = useState(false);
  const folderName = folderId === ROOT_ID ? t('drive.title') : (folder.data?.name ?? '');

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    drop(event.dataTransfer);
  };

  if (folder.isError || listing.isError) {
    const error = folder.error ?? listing.error;
    return (
      <DrivePage current="folder" title={t('drive.title')}>
        <ErrorPanel
          title={error?.code === 'not_found' ? t('drive.notFound') : t('drive.loadError')}
          detail={error?.message}
          onRetry={() => void listing.refetch()}
        />
      </DrivePage>
    );
  }

  return (
    <DrivePage
      current="folder"
      title={folderName}
      actions={
        <>
          <UploadActions folderId={folderId} />
          <NewFolderDialog parentId={folderId} />
        </>
      }
    >
      {folder.data && <Breadcrumbs folder={folder.data} />}
      <section
        className={`mt-drive-drop${dragging ? ' mt-drive-drop--active' : ''}`}
        aria-label={folderName}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        {dragging && <p className="mt-drive-drop__hint">{t('drive.drop', { name: folderName })}</p>}
        {listing.isPending ? (
          <Loading />
        ) : listing.data.items.length === 0 ? (
          <EmptyState title={t('drive.empty.title')} text={t('drive.empty.text')} />
        ) : (
          <ItemBrowser
            mode="drive"
            label={t('drive.list.label', { name: folderName })}
            items={listing.data.items}
            paging={listing}
            columns={['updated', 'size']}
            folderId={folderId}
            sort={sort}
            onSort={(next) => navigate(`${folderPath(folderId)}${sortSearch(next)}`)}
          />
        )}
      </section>
      <UploadPanel />
    </DrivePage>
  );
}
