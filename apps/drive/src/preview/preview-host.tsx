import { FilesScopeProvider } from '@mytoutatice/sdk/react';
import { lazy, Suspense } from 'react';
import { useOpenedFile } from '../open-file.ts';

// Loaded on the first preview: the folder view's chunk stays small.
const PreviewDialog = lazy(() => import('./preview-dialog.tsx').then((m) => ({ default: m.PreviewDialog })));

/** Shows the opened file's preview over whatever view is on, through the sharing it was opened in. */
export function PreviewHost() {
  const [opened, show] = useOpenedFile();
  if (!opened) return null;
  return (
    <FilesScopeProvider sharingId={opened.sharingId}>
      <Suspense>
        <PreviewDialog file={opened.file} alone={opened.alone} onShow={show} onClose={() => show(null)} />
      </Suspense>
    </FilesScopeProvider>
  );
}
