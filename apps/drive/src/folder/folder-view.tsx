import type { DriveKey } from '../messages.ts';
import { useState } from 'react';
import type { DragEvent } from 'react';
import { ROOT_ID } from '@mytoutatice/sdk';
import { useFile, useFolder } from '@mytoutatice/sdk/react';
import { Button, EmptyState, ErrorPanel, Loading, PageLayout, useT } from '@mytoutatice/ui';
import { UploadActions } from '../upload/upload-actions.tsx';
import { UploadPanel } from '../upload/upload-panel.tsx';
import { useDropUpload } from '../upload/use-drop-upload.ts';
import { Breadcrumbs } from './breadcrumbs.tsx';
import { FileTable } from './file-table.tsx';
import { NewFolderDialog } from './new-folder-dialog.tsx';

/** One folder: its content, « Importer des fichiers » (button or drop), « Nouveau dossier ». */
export function FolderView({ folderId }: { folderId: string }) {
  const t = useT<DriveKey>();
  const folder = useFile(folderId);
  const listing = useFolder(folderId);
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
      <PageLayout title={t('drive.title')}>
        <ErrorPanel
          title={error?.code === 'not_found' ? t('drive.notFound') : t('drive.loadError')}
          detail={error?.message}
          onRetry={() => void listing.refetch()}
        />
      </PageLayout>
    );
  }

  return (
    <PageLayout
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
          <FileTable items={listing.data.items} />
        )}
        {listing.hasNextPage && (
          <Button variant="secondary" onClick={() => void listing.fetchNextPage()} disabled={listing.isFetchingNextPage}>
            {t('action.loadMore')}
          </Button>
        )}
      </section>
      <UploadPanel />
    </PageLayout>
  );
}
