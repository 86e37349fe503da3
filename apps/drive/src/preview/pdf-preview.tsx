import type { DriveKey } from '../messages.ts';
import type { FileDoc } from '@mytoutatice/contract';
import { PdfPages } from '@mytoutatice/app-kit/pdf';
import { ErrorPanel, errorText, useT } from '@mytoutatice/ui';
import { useFileContent } from './use-file-content.ts';

/** A PDF in the preview, drawn by the viewer the public link page shares. */
export function PdfPreview({ file }: { file: FileDoc }) {
  const t = useT<DriveKey>();
  const content = useFileContent(file);
  if (content.isError) return <ErrorPanel title={t('drive.preview.failed')} detail={errorText(t, content.error)} />;
  return <PdfPages content={content.data} failedTitle={t('drive.preview.failed')} />;
}
