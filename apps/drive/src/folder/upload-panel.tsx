import type { DriveKey } from '../messages.ts';
import type { UploadItem } from '@mytoutatice/sdk';
import { Button, ProgressBar, useT } from '@mytoutatice/ui';

/** One progress bar per file and one for the whole batch; cancel what runs, clear what is done. */
export function UploadPanel({ uploads, onCancel, onClear }: { uploads: readonly UploadItem[]; onCancel: () => void; onClear: () => void }) {
  const t = useT<DriveKey>();
  if (uploads.length === 0) return null;
  const total = uploads.reduce((sum, u) => sum + u.size, 0);
  const loaded = uploads.reduce((sum, u) => sum + (u.status === 'done' ? u.size : u.loaded), 0);
  const done = uploads.filter((u) => u.status === 'done').length;
  const running = uploads.some((u) => u.status === 'queued' || u.status === 'uploading');

  return (
    <section className="mt-upload-panel" aria-labelledby="mt-upload-title">
      <h2 id="mt-upload-title">{t('drive.uploads.title')}</h2>
      <ProgressBar label={t('drive.uploads.total', { done, count: uploads.length })} value={loaded} max={Math.max(total, 1)} />
      <ul>
        {uploads.map((u) => (
          <li key={u.key}>
            <ProgressBar label={u.name} value={u.status === 'done' ? u.size : u.loaded} max={Math.max(u.size, 1)} />
            <span className="mt-upload-panel__status">
              {u.status === 'done'
                ? t('drive.uploads.done')
                : u.status === 'failed'
                  ? t('drive.uploads.failed', { reason: u.error?.message ?? '' })
                  : u.status === 'cancelled'
                    ? t('drive.uploads.cancelled')
                    : u.status === 'queued'
                      ? t('drive.uploads.waiting')
                      : null}
            </span>
          </li>
        ))}
      </ul>
      <div className="mt-actions">
        {running ? (
          <Button variant="secondary" onClick={onCancel}>
            {t('action.cancel')}
          </Button>
        ) : (
          <Button variant="ghost" onClick={onClear}>
            {t('drive.uploads.clear')}
          </Button>
        )}
      </div>
    </section>
  );
}
