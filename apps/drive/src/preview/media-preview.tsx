import type { DriveKey } from '../messages.ts';
import type { FileDoc } from '@mytoutatice/contract';
import { useEffect } from 'react';
import { useDownloadLink } from '@mytoutatice/sdk/react';
import { ErrorPanel, errorText, Loading, useT } from '@mytoutatice/ui';

/**
 * Video and sound in the browser's own player. A media element cannot send the bearer token, so
 * it streams a download link (a short-lived URL of our origin, with Range: seeking fetches only
 * what it needs).
 */
export function MediaPreview({ file, kind }: { file: FileDoc; kind: 'video' | 'audio' }) {
  const t = useT<DriveKey>();
  const link = useDownloadLink();
  const { mutate } = link;
  useEffect(() => mutate(file.id), [mutate, file.id]);

  if (link.isError) return <ErrorPanel title={t('drive.preview.failed')} detail={errorText(t, link.error)} />;
  if (!link.data) return <Loading />;
  return kind === 'video' ? (
    <video className="mt-preview__media" src={link.data.url} controls preload="metadata" aria-label={file.name} />
  ) : (
    <audio className="mt-preview__audio" src={link.data.url} controls preload="metadata" aria-label={file.name} />
  );
}
