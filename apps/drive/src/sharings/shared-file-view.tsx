import type { Sharing } from '@mytoutatice/contract';
import { useFile } from '@mytoutatice/sdk/react';
import { Button, formatBytes, Icon, Loading, useLocale, useT } from '@mytoutatice/ui';
import { useEffect, useRef } from 'react';
import { useDownload } from '../items/use-download.ts';
import type { DriveKey } from '../messages.ts';
import { DrivePage } from '../nav/drive-page.tsx';
import { useOpenFile } from '../open-file.ts';
import { isAccessLost, LostAccess } from './lost-access.tsx';
import { SharingActions } from './sharing-actions.tsx';

/** A shared file (not a folder): its preview opens at once; closed, the page offers it again. */
export function SharedFileView({ sharing }: { sharing: Sharing }) {
  const t = useT<DriveKey>();
  const locale = useLocale();
  const file = useFile(sharing.item.id);
  const openFile = useOpenFile();
  const { download } = useDownload();
  const shown = useRef(false);
  const data = file.data;

  useEffect(() => {
    if (!data || shown.current) return;
    shown.current = true;
    openFile(data, { alone: true });
  }, [data, openFile]);

  if (file.isError && isAccessLost(file.error)) return <LostAccess />;
  return (
    <DrivePage current="sharing" title={sharing.item.name} actions={<SharingActions sharing={sharing} />}>
      <p className="mt-sharing-from">{t('drive.shared.from', { name: sharing.owner.name })}</p>
      {!data ? (
        <Loading />
      ) : (
        <div className="mt-shared-file">
          <Icon name="file" className="mt-preview__big-icon" />
          <p className="mt-preview__name">{data.name}</p>
          <p>{data.size === null ? '' : formatBytes(data.size, locale)}</p>
          <div className="mt-actions">
            <Button onClick={() => openFile(data, { alone: true })}>{t('drive.open')}</Button>
            <Button variant="primary" icon={<Icon name="download" />} onClick={() => void download([data])}>
              {t('action.download')}
            </Button>
          </div>
        </div>
      )}
    </DrivePage>
  );
}
