import { usePathname } from '@mytoutatice/app-kit';
import { FolderView } from './folder/folder-view.tsx';
import { folderIdFromPath } from './routes.ts';

export function DriveRoot() {
  const folderId = folderIdFromPath(usePathname());
  // A new key per folder resets the view's local state (selection, dialogs) on navigation.
  return <FolderView key={folderId} folderId={folderId} />;
}
