import type { DriveKey } from '../messages.ts';
import type { FileDoc } from '@mytoutatice/contract';
import { lazy, Suspense } from 'react';
import { Button, formatBytes, Icon, Loading, useLocale, useT } from '@mytoutatice/ui';
import { previewKind } from '@mytoutatice/ui/preview-kind';
import { ImagePreview } from './image-preview.tsx';
import { MediaPreview } from './media-preview.tsx';

// pdf.js and markdown-it weigh hundreds of kB: fetched only when such a file is opened.
const PdfPreview = lazy(() => import('./pdf-preview.tsx').then((m) => ({ default: m.PdfPreview })));
const TextPreview = lazy(() => import('./text-preview.tsx').then((m) => ({ default: m.TextPreview })));

/** The file shown the way its type allows; anything else as its icon, name, size and a download. */
export function PreviewBody({ file, onDownload }: { file: FileDoc; onDownload: () => void }) {
  const kind = previewKind(file);
  switch (kind) {
    case 'image':
      return <ImagePreview file={file} />;
    case 'video':
    case 'audio':
      return <MediaPreview file={file} kind={kind} />;
    case 'pdf':
      return (
        <Suspense fallback={<Loading />}>
          <PdfPreview file={file} />
        </Suspense>
      );
    case 'text':
    case 'markdown':
      return (
        <Suspense fallback={<Loading />}>
          <TextPreview file={file} markdown={kind === 'markdown'} />
        </Suspense>
      );
    case 'none':
      return <NoPreview file={file} onDownload={onDownload} />;
  }
}

function NoPreview({ file, onDownload }: { file: FileDoc; onDownload: () => void }) {
  const t = useT<DriveKey>();
  const locale = useLocale();
  return (
    <div className="mt-preview__none">
      <Icon name="file" className="mt-preview__big-icon" />
      <p className="mt-preview__name">{file.name}</p>
      <p>{file.size === null ? '' : formatBytes(file.size, locale)}</p>
      <p>{t('drive.preview.none')}</p>
      <Button variant="primary" icon={<Icon name="download" />} onClick={onDownload}>
        {t('action.download')}
      </Button>
    </div>
  );
}
