import { lazy, Suspense } from 'react';
import { useOpenedFile } from '../open-file.ts';

// Loaded on the first preview: the folder view's chunk stays small.
const PreviewDialog = lazy(() => import('./preview-dialog.tsx').then((m) => ({ default: m.PreviewDialog })));

/** Shows the opened file's preview over whatever view is on. */
export function PreviewHost() {
  const [file, show] = useOpenedFile();
  if (!file) return null;
  return (
    <Suspense>
      <PreviewDialog file={file} onShow={show} onClose={() => show(null)} />
    </Suspense>
  );
}
