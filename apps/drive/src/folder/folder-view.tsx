import type { DriveKey } from '../messages.ts';
import { useRef, useState } from 'react';
import type { DragEvent } from 'react';
import { ROOT_ID } from '@mytoutatice/sdk';
import { useFile, useFolder, useUpload } from '@mytoutatice/sdk/react';
import { Button, EmptyState, ErrorPanel, Loading, PageLayout, useT } from '@mytoutatice/ui';
import { Breadcrumbs } from './breadcrumbs.tsx';
import { FileTable } from './file-table.tsx';
import { NewFolderDialog } from './new-folder-dialog.tsx';
import { UploadPanel } from './upload-panel.tsx';

/** One folder: its content, « Importer des fichiers » (button or drop), « Nouveau dossier ». */
export function FolderView({ folderId }: { folderId: string }) {
  const t = useT<DriveKey>();
  const folder = useFile(folderId);
  const listing = useFolder(folderId);
  const upload = useUpload(folderId);
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const folderName = folderId === ROOT_ID ? t('drive.title') : (folder.data?.name ?? '');

  const importFiles = (files: FileList | null) => {
    if (files && files.length > 0) upload.mutate({ files: Array.from(files), conflict: 'rename' });
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    importFiles(event.dataTransfer.files);
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
          <Button variant="primary" onClick={() => input.current?.click()}>
            {t('action.upload')}
          </Button>
          <NewFolderDialog parentId={folderId} />
        </>
      }
    >
      {folder.data && <Breadcrumbs folder={folder.data} />}
      <input
        ref={input}
        type="file"
        multiple
        hidden
        data-testid="drive-file-input"
        onChange={(e) => {
          importFiles(e.target.files);
          e.target.value = '';
        }}
      />
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
      <UploadPanel uploads={upload.uploads} onCancel={upload.cancel} onClear={upload.clear} />
    </PageLayout>
  );
}
