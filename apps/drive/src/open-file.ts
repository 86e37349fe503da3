import type { FileDoc } from '@mytoutatice/contract';
import { useToast, useT } from '@mytoutatice/ui';
import { errorText } from './error-text.ts';
import { useDownload } from './items/use-download.ts';

/**
 * What opening a file (double-click, Enter, « Ouvrir ») does, in one place: for now it downloads
 * it; the preview replaces this body.
 */
export function useOpenFile(): (file: FileDoc) => void {
  const t = useT();
  const toast = useToast();
  const { download } = useDownload();
  return (file) => {
    download([file]).catch((error: unknown) => toast.error(errorText(t, error)));
  };
}
