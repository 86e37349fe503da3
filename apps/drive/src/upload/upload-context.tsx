import { createContext, use } from 'react';
import type { ReactNode } from 'react';
import type { QueueItem, UploadQueue } from '@mytoutatice/sdk/uploads';
import { useUploadQueue } from '@mytoutatice/sdk/uploads';

const QueueContext = createContext<UploadQueue | null>(null);
const ItemsContext = createContext<readonly QueueItem[]>([]);

/** Four files at once keeps a 8 MiB-chunked upload busy without starving the page's other calls. */
const CONCURRENCY = 4;

/**
 * The Drive's one upload queue, above the folder views: uploads go on while the person browses
 * elsewhere. Two contexts, so that what only adds files does not re-render on every progress.
 */
export function UploadProvider({ children }: { children: ReactNode }) {
  const { queue, items } = useUploadQueue({ concurrency: CONCURRENCY, conflict: 'rename' });
  return (
    <QueueContext value={queue}>
      <ItemsContext value={items}>{children}</ItemsContext>
    </QueueContext>
  );
}

export function useUploadQueueContext(): UploadQueue {
  const queue = use(QueueContext);
  if (!queue) throw new Error('useUploadQueueContext() needs an <UploadProvider> above it');
  return queue;
}

export function useUploadItems(): readonly QueueItem[] {
  return use(ItemsContext);
}
