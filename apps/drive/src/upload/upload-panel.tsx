import type { DriveKey } from '../messages.ts';
import type { QueueItem } from '@mytoutatice/sdk/uploads';
import { Button, formatBytes, ProgressBar, useLocale, usePlural, useT } from '@mytoutatice/ui';
import { UnfinishedUploads } from './unfinished-uploads.tsx';
import { useUploadItems, useUploadQueueContext } from './upload-context.tsx';
import { UploadError } from './upload-error.tsx';

const has = (items: readonly QueueItem[], ...statuses: QueueItem['status'][]) => items.some((i) => statuses.includes(i.status));

/**
 * One progress bar per file and one for all; pause, resume, cancel each file or all of them,
 * retry what failed. The counts are announced politely as they change, not every percent.
 */
export function UploadPanel() {
  const t = useT<DriveKey>();
  const plural = usePlural<DriveKey>();
  const locale = useLocale();
  const queue = useUploadQueueContext();
  const items = useUploadItems();
  const total = items.reduce((sum, i) => sum + i.size, 0);
  const loaded = items.reduce((sum, i) => sum + (i.status === 'done' ? i.size : i.loaded), 0);
  const done = items.filter((i) => i.status === 'done').length;
  const failed = items.filter((i) => i.status === 'failed').length;
  const summary = [
    plural('drive.uploads.total', items.length, { done }),
    ...(failed > 0 ? [t('drive.uploads.failedCount', { count: failed })] : []),
  ].join(' · ');

  return (
    <>
      <UnfinishedUploads />
      <section className="mt-upload-panel" aria-labelledby="mt-upload-title" hidden={items.length === 0}>
        <h2 id="mt-upload-title">{t('drive.uploads.title')}</h2>
        <p role="status" className="mt-upload-panel__summary">
          {items.length > 0 ? summary : ''}
        </p>
        <ProgressBar label={t('drive.uploads.all')} value={loaded} max={Math.max(total, 1)} />
        <div className="mt-actions mt-upload-panel__all">
          {has(items, 'queued', 'uploading') && <Button size="sm" onClick={() => queue.pause()}>{t('drive.uploads.pauseAll')}</Button>}
          {has(items, 'paused') && <Button size="sm" onClick={() => queue.resume()}>{t('drive.uploads.resumeAll')}</Button>}
          {failed > 0 && <Button size="sm" onClick={() => queue.retry()}>{t('drive.uploads.retryAll')}</Button>}
          {has(items, 'queued', 'uploading', 'paused') && (
            <Button size="sm" variant="ghost" onClick={() => queue.cancel()}>
              {t('drive.uploads.cancelAll')}
            </Button>
          )}
          {has(items, 'done', 'failed', 'cancelled') && (
            <Button size="sm" variant="ghost" onClick={() => queue.clear()}>
              {t('drive.uploads.clear')}
            </Button>
          )}
        </div>
        <ul>
          {items.map((item) => (
            <li key={item.key} className="mt-upload-panel__item">
              <ProgressBar label={item.path} value={item.status === 'done' ? item.size : item.loaded} max={Math.max(item.size, 1)} />
              <div className="mt-upload-panel__row">
                <span className="mt-upload-panel__status">
                  {formatBytes(item.size, locale)} · <ItemStatus item={item} />
                </span>
                <ItemActions item={item} />
              </div>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

function ItemStatus({ item }: { item: QueueItem }) {
  const t = useT<DriveKey>();
  switch (item.status) {
    case 'done':
      return t('drive.uploads.done');
    case 'failed':
      return (
        <span className="mt-upload-panel__error">
          <UploadError error={item.error} />
        </span>
      );
    case 'cancelled':
      return t('drive.uploads.cancelled');
    case 'paused':
      return t('drive.uploads.paused');
    case 'queued':
      return t('drive.uploads.waiting');
    case 'uploading':
      return t('drive.uploads.sending');
  }
}

function ItemActions({ item }: { item: QueueItem }) {
  const t = useT<DriveKey>();
  const queue = useUploadQueueContext();
  const { status, key } = item;
  // The visible word, and the file's name for whoever hears the button out of its row.
  const button = (word: DriveKey, action: () => void) => (
    <Button size="sm" variant="ghost" aria-label={t('drive.uploads.named', { action: t(word), name: item.path })} onClick={action}>
      {t(word)}
    </Button>
  );
  return (
    <span className="mt-actions">
      {(status === 'queued' || status === 'uploading') && button('drive.uploads.pause', () => queue.pause(key))}
      {status === 'paused' && button('drive.uploads.resume', () => queue.resume(key))}
      {(status === 'failed' || status === 'cancelled') && button('drive.uploads.retry', () => queue.retry(key))}
      {(status === 'queued' || status === 'uploading' || status === 'paused') && button('drive.uploads.cancel', () => queue.cancel(key))}
    </span>
  );
}
