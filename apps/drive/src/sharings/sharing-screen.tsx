import type { Sharing } from '@mytoutatice/contract';
import { FilesScopeProvider, useReadSharingNotifications, useSharing } from '@mytoutatice/sdk/react';
import { ErrorPanel, Loading, useT } from '@mytoutatice/ui';
import { useMemo } from 'react';
import { FolderView } from '../folder/folder-view.tsx';
import type { DriveKey } from '../messages.ts';
import { DrivePage } from '../nav/drive-page.tsx';
import { placeOfSharing, PlaceProvider } from '../place/drive-place.tsx';
import { UploadProvider } from '../upload/upload-context.tsx';
import { isAccessLost, LostAccess } from './lost-access.tsx';
import { SharedFileView } from './shared-file-view.tsx';

/**
 * A sharing opened in place: the usual folder view (or a shared file's preview) through the
 * sharing, with its own upload queue. The scope's realtime socket refreshes the sharing when the
 * owner changes one's role or removes one, so that shows without a reload.
 */
export function SharingScreen({ sharingId, folderId }: { sharingId: string; folderId: string | null }) {
  const t = useT<DriveKey>();
  const sharing = useSharing(sharingId);
  if (sharing.isError) {
    if (isAccessLost(sharing.error)) return <LostAccess />;
    return (
      <DrivePage current="sharing" title={t('nav.shared')}>
        <ErrorPanel title={t('drive.loadError')} onRetry={() => void sharing.refetch()} />
      </DrivePage>
    );
  }
  if (!sharing.data) {
    return (
      <DrivePage current="sharing" title={t('nav.shared')}>
        <Loading />
      </DrivePage>
    );
  }
  return <SharingContent sharing={sharing.data} folderId={folderId} />;
}

function SharingContent({ sharing, folderId }: { sharing: Sharing; folderId: string | null }) {
  useReadSharingNotifications(sharing.id);
  const place = useMemo(() => placeOfSharing(sharing), [sharing]);
  const at = folderId ?? sharing.item.id;
  return (
    <FilesScopeProvider sharingId={sharing.id}>
      <PlaceProvider value={place}>
        <UploadProvider>
          {/* A new key per folder resets the view's local state (selection, dialogs) on navigation. */}
          {sharing.item.kind === 'folder' ? <FolderView key={at} folderId={at} /> : <SharedFileView sharing={sharing} />}
        </UploadProvider>
      </PlaceProvider>
    </FilesScopeProvider>
  );
}
