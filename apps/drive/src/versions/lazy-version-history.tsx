import type { FileDoc } from '@mytoutatice/contract';
import { Loading } from '@mytoutatice/ui';
import { lazy, Suspense } from 'react';

const VersionHistory = lazy(() => import('./version-history.tsx').then((m) => ({ default: m.VersionHistory })));

/** The version history dialog, its code loaded the first time one is opened (menu or preview). */
export function LazyVersionHistory({ file, onClose }: { file: FileDoc; onClose: () => void }) {
  return (
    <Suspense fallback={<Loading />}>
      <VersionHistory file={file} open onClose={onClose} />
    </Suspense>
  );
}
