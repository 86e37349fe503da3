import { usePathname } from '@mytoutatice/app-kit';
import { FilesScopeProvider } from '@mytoutatice/sdk/react';
import type { ShellProps } from '@mytoutatice/sdk/react';
import { Loading } from '@mytoutatice/ui';
import { lazy, Suspense } from 'react';
import { NotesListPage } from './list/notes-list-page.tsx';
import { viewFromPath } from './routes.ts';

// Tiptap, Yjs and Hocuspocus are a chunk of their own, fetched when a note opens: the list stays small.
const NotePage = lazy(() => import('./editor/note-page.tsx').then((m) => ({ default: m.NotePage })));

/** `/notes`: the list; `/notes/<id>` and `/notes/partages/<sharing>/<id>`: the note, in its files scope. */
export function NotesRoot({ user }: ShellProps) {
  const view = viewFromPath(usePathname());
  if (view.kind === 'list') return <NotesListPage />;
  return (
    <FilesScopeProvider sharingId={view.sharingId}>
      <Suspense fallback={<Loading />}>
        <NotePage key={`${view.sharingId ?? ''}/${view.id}`} fileId={view.id} sharingId={view.sharingId} signedIn={user} />
      </Suspense>
    </FilesScopeProvider>
  );
}
