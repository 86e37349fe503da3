import type { DriveKey } from '../messages.ts';
import type { FileDoc, FileVersion } from '@mytoutatice/contract';
import { useEffect, useState } from 'react';
import { useDeleteVersion, useFilesScope, useFileVersions, useRestoreVersion } from '@mytoutatice/sdk/react';
import { Button, Dialog, EmptyState, ErrorPanel, errorText, formatBytes, formatDate, Loading, saveBlob, useLocale, useT, useToast } from '@mytoutatice/ui';

type Pending = { action: 'restore' | 'delete'; version: FileVersion };

export type VersionHistoryProps = { file: FileDoc; open: boolean; onClose: () => void };

/**
 * « Historique des versions »: a file's earlier contents, newest first (date, size), each one
 * downloadable, restorable and deletable; restoring and deleting ask first.
 */
export function VersionHistory({ file, open, onClose }: VersionHistoryProps) {
  const t = useT<DriveKey>();
  const locale = useLocale();
  const toast = useToast();
  const { files } = useFilesScope();
  const versions = useFileVersions(file.id);
  const restore = useRestoreVersion();
  const remove = useDeleteVersion();
  const [pending, setPending] = useState<Pending>();
  const when = (version: FileVersion) => formatDate(version.createdAt, locale);
  // The button that asked is gone: focus goes to the question's answer, then back to the list.
  useEffect(() => {
    document.querySelector<HTMLElement>(`.mt-versions-dialog ${pending ? '[data-autofocus]' : '.mt-versions button'}`)?.focus();
  }, [pending]);

  const download = async (version: FileVersion) => {
    try {
      saveBlob(await files.versionContent(file.id, version.id), file.name);
    } catch (error) {
      toast.error(errorText(t, error));
    }
  };
  const confirm = async ({ action, version }: Pending) => {
    try {
      if (action === 'restore') {
        await restore.mutateAsync({ file, versionId: version.id });
        toast.success(t('drive.versions.restored', { date: when(version) }));
      } else {
        await remove.mutateAsync({ file, versionId: version.id });
        toast.success(t('drive.versions.deleted', { date: when(version) }));
      }
      setPending(undefined);
    } catch (error) {
      toast.error(errorText(t, error));
    }
  };

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={t('drive.versions.title', { name: file.name })}
      size="lg"
      className="mt-versions-dialog"
      onSubmit={pending ? () => void confirm(pending) : undefined}
      actions={
        pending && (
          <>
            <Button onClick={() => setPending(undefined)}>{t('action.cancel')}</Button>
            <Button type="submit" variant={pending.action === 'delete' ? 'danger' : 'primary'} data-autofocus disabled={restore.isPending || remove.isPending}>
              {pending.action === 'restore' ? t('drive.versions.restore') : t('action.delete')}
            </Button>
          </>
        )
      }
    >
      {pending ? (
        <p role="alert">
          {pending.action === 'restore'
            ? t('drive.versions.confirmRestore', { date: when(pending.version) })
            : t('drive.versions.confirmDelete', { date: when(pending.version) })}
        </p>
      ) : versions.isPending ? (
        <Loading />
      ) : versions.isError ? (
        <ErrorPanel title={t('drive.versions.loadError')} detail={errorText(t, versions.error)} onRetry={() => void versions.refetch()} />
      ) : versions.data.items.length === 0 ? (
        <EmptyState title={t('drive.versions.none')} text={t('drive.versions.noneText')} />
      ) : (
        <ul className="mt-versions">
          {versions.data.items.map((version) => {
            const named = (action: string) => t('drive.versions.named', { action, date: when(version) });
            return (
              <li key={version.id} className="mt-versions__item">
                <span className="mt-versions__when">
                  {when(version)} · {formatBytes(version.size, locale)}
                </span>
                <span className="mt-actions">
                  <Button size="sm" variant="ghost" aria-label={named(t('action.download'))} onClick={() => void download(version)}>
                    {t('action.download')}
                  </Button>
                  <Button size="sm" aria-label={named(t('drive.versions.restore'))} onClick={() => setPending({ action: 'restore', version })}>
                    {t('drive.versions.restore')}
                  </Button>
                  <Button size="sm" variant="ghost" aria-label={named(t('action.delete'))} onClick={() => setPending({ action: 'delete', version })}>
                    {t('action.delete')}
                  </Button>
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </Dialog>
  );
}
