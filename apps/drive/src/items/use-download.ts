import type { FileDoc } from '@mytoutatice/contract';
import { useDownloadLink, useZip } from '@mytoutatice/sdk/react';
import { saveBlob, saveUrl, useT } from '@mytoutatice/ui';
import type { DriveKey } from '../messages.ts';

/**
 * « Télécharger »: one file as itself (a short-lived link, streamed by the browser); a folder, or
 * several items, as one zip named after the folder, or « Sélection.zip ».
 */
export function useDownload() {
  const t = useT<DriveKey>();
  const link = useDownloadLink();
  const zip = useZip();
  const download = async (items: readonly FileDoc[]) => {
    const [first] = items;
    if (first === undefined) return;
    if (items.length === 1 && first.type === 'file') {
      const { url } = await link.mutateAsync(first.id);
      saveUrl(url, first.name);
      return;
    }
    const name = items.length === 1 ? first.name : t('drive.zip.selection');
    saveBlob(await zip.mutateAsync(items), `${name}.zip`);
  };
  return { download, zipping: zip.isPending };
}
