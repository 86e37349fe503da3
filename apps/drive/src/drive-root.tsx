import { useDebounced, usePathname } from '@mytoutatice/app-kit';
import { SearchBox, useT } from '@mytoutatice/ui';
import type { DriveKey } from './messages.ts';
import { FolderView } from './folder/folder-view.tsx';
import { FavoritesView } from './lists/favorites-view.tsx';
import { PreviewHost } from './preview/preview-host.tsx';
import { RecentView } from './lists/recent-view.tsx';
import { SharedView } from './lists/shared-view.tsx';
import { viewFromPath } from './routes.ts';
import type { DriveView } from './routes.ts';
import { SharingScreen } from './sharings/sharing-screen.tsx';
import { SearchView } from './search/search-view.tsx';

import { useSearchQuery } from './search/use-search-query.ts';
import { TrashView } from './trash/trash-view.tsx';
import { UploadProvider } from './upload/upload-context.tsx';

const SEARCH_PAUSE_MS = 250;

function Screen({ view }: { view: DriveView }) {
  switch (view.kind) {
    case 'folder':
      // A new key per folder resets the view's local state (selection, dialogs) on navigation.
      return <FolderView key={view.id} folderId={view.id} />;
    case 'recent':
      return <RecentView />;
    case 'favorites':
      return <FavoritesView />;
    case 'shared':
      return <SharedView />;
    case 'sharing':
      // One screen per sharing: its upload queue goes on across its folders.
      return <SharingScreen key={view.sharingId} sharingId={view.sharingId} folderId={view.folderId} />;
    case 'trash':
      return <TrashView />;
  }
}

/**
 * The search box above every screen; while it holds words, their results cover the screen.
 * Following a link (a result's folder, the navigation) leaves the search, whose words live in
 * the address.
 * Uploads and the preview live above the screens, so they go on across folders and views.
 */
export function DriveRoot() {
  const t = useT<DriveKey>();
  const pathname = usePathname();
  const view = viewFromPath(pathname);
  const [text, setText] = useSearchQuery();
  const query = useDebounced(text, SEARCH_PAUSE_MS);
  const searching = text.trim() !== '' && query.trim() !== '';
  return (
    <UploadProvider>
      <SearchBox className="mt-drive-search" label={t('drive.search.label')} placeholder={t('drive.search.placeholder')} value={text} onChange={setText} />
      {searching ? <SearchView query={query} current={view.kind} /> : <Screen view={view} />}
      <PreviewHost />
    </UploadProvider>
  );
}
