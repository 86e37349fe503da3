import type { DriveKey } from '../messages.ts';
import type { FileDoc } from '@mytoutatice/contract';
import { useEffect, useMemo } from 'react';
import { ErrorPanel, errorText, Loading, useT } from '@mytoutatice/ui';
import { useFileContent } from './use-file-content.ts';

/** The image from the content route (bearer token) through a blob URL, let go when it leaves. */
export function ImagePreview({ file }: { file: FileDoc }) {
  const t = useT<DriveKey>();
  const content = useFileContent(file);
  const url = useMemo(() => content.data && URL.createObjectURL(content.data), [content.data]);
  useEffect(
    () => () => {
      if (url) URL.revokeObjectURL(url);
    },
    [url],
  );

  if (content.isError) return <ErrorPanel title={t('drive.preview.failed')} detail={errorText(t, content.error)} />;
  if (!url) return <Loading />;
  return <img className="mt-preview__image" src={url} alt={file.name} />;
}
