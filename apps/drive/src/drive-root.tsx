import { usePathname } from '@mytoutatice/app-kit';
import { FolderView } from './folder/folder-view.tsx';
import { PreviewHost } from './preview/preview-host.tsx';
import { folderIdFromPath } from './routes.ts';
import { UploadProvider } from './upload/upload-context.tsx';

export function DriveRoot() {
  const folderId = folderIdFromPath(usePathname());
  // A new key per folder resets the view's local state (selection, dialogs) on navigation;
  // uploads and the preview live above it, so they go on across folders.
  return (
    <UploadProvider>
      <FolderView key={folderId} folderId={folderId} />
      <PreviewHost />
    </UploadProvider>
  );
}
