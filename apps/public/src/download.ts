import { saveBlob, saveUrl } from '@mytoutatice/ui';
import type { LinkVisitor } from '@mytoutatice/sdk/links';

/** A file through a short-lived download link: the browser streams it to disk, nothing held in memory. */
export async function downloadFile(visitor: LinkVisitor, fileId: string): Promise<void> {
  const { url } = await visitor.files.downloadLink(fileId);
  // The link names the file and says « attachment »: the name given here is only a fallback.
  saveUrl(url, '');
}

/** A folder as one zip. */
export async function downloadFolder(visitor: LinkVisitor, folder: { id: string; name: string }): Promise<void> {
  saveBlob(await visitor.files.zipFolder(folder.id), `${folder.name}.zip`);
}
