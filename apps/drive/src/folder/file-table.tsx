import type { DriveKey } from '../messages.ts';
import type { FileDoc } from '@mytoutatice/contract';
import { Link } from '@mytoutatice/app-kit';
import { useDownloadLink } from '@mytoutatice/sdk/react';
import { Button, formatBytes, formatDate, Icon, useLocale, useT, useToast } from '@mytoutatice/ui';
import { useOpenFile } from '../open-file.ts';
import { folderPath } from '../routes.ts';

/** The seed's list: Nom, Mise à jour, Taille, with the folder or file actions of each row. */
export function FileTable({ items }: { items: readonly FileDoc[] }) {
  const t = useT<DriveKey>();
  const locale = useLocale();
  const download = useDownloadLink();
  const toast = useToast();
  const open = useOpenFile();

  async function startDownload(file: FileDoc) {
    try {
      const { url } = await download.mutateAsync(file.id);
      // The link answers with `Content-Disposition: attachment`: the page stays where it is.
      const a = document.createElement('a');
      a.href = url;
      a.download = file.name;
      a.click();
    } catch (error) {
      toast.error(error instanceof Error ? error.message : String(error));
    }
  }

  return (
    <table className="mt-table mt-file-table">
      <thead>
        <tr>
          <th scope="col">{t('drive.column.name')}</th>
          <th scope="col">{t('drive.column.updated')}</th>
          <th scope="col">{t('drive.column.size')}</th>
          <th scope="col">
            <span className="mt-visually-hidden">{t('drive.column.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.id}>
            <th scope="row" className="mt-file-table__name">
              {item.type === 'directory' ? (
                <Link href={folderPath(item.id)} className="mt-file-table__link">
                  <Icon name="folder" className="mt-file-table__icon" />
                  {item.name}
                </Link>
              ) : (
                <span className="mt-file-table__link">
                  <Icon name="file" className="mt-file-table__icon" />
                  <button type="button" className="mt-file-table__open" onClick={() => open(item)}>
                    {item.name}
                  </button>
                </span>
              )}
            </th>
            <td>{formatDate(item.updatedAt, locale)}</td>
            <td>{item.size === null ? '—' : formatBytes(item.size, locale)}</td>
            <td>
              {item.type === 'file' && (
                <Button variant="ghost" aria-label={t('drive.downloadNamed', { name: item.name })} onClick={() => void startDownload(item)}>
                  {t('action.download')}
                </Button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
