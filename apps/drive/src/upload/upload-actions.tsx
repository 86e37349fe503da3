import type { DriveKey } from '../messages.ts';
import { lazy, Suspense, useRef, useState } from 'react';
import { Button, Icon, MenuButton, useT } from '@mytoutatice/ui';
import { inputsFromPicker } from './picked-files.ts';
import { useUploadQueueContext } from './upload-context.tsx';

const ScanDialog = lazy(() => import('../scan/scan-dialog.tsx').then((m) => ({ default: m.ScanDialog })));

/** Where a camera is likely: the scanner gets its own button there, and stays in the menu elsewhere. */
const coarsePointer = () => typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches;

/** « Importer des fichiers », and in a menu « Importer un dossier » and « Scanner un document ». */
export function UploadActions({ folderId }: { folderId: string }) {
  const t = useT<DriveKey>();
  const queue = useUploadQueueContext();
  const files = useRef<HTMLInputElement>(null);
  const folder = useRef<HTMLInputElement>(null);
  const [scanning, setScanning] = useState(false);
  const [phone] = useState(coarsePointer);

  const pick = (input: HTMLInputElement) => {
    if (input.files && input.files.length > 0) queue.add(inputsFromPicker(input.files, folderId));
    input.value = '';
  };

  return (
    <>
      <Button variant="primary" icon={<Icon name="upload" />} onClick={() => files.current?.click()}>
        {t('action.upload')}
      </Button>
      {phone && <Button onClick={() => setScanning(true)}>{t('drive.scan.open')}</Button>}
      <MenuButton
        label={t('drive.upload.more')}
        hideLabel
        icon={<Icon name="more" />}
        align="end"
        items={[
          { id: 'folder', label: t('drive.upload.folder'), icon: <Icon name="folder" />, onSelect: () => folder.current?.click() },
          { id: 'scan', label: t('drive.scan.open'), icon: <Icon name="file" />, onSelect: () => setScanning(true) },
        ]}
      />
      <input ref={files} type="file" multiple hidden data-testid="drive-file-input" onChange={(e) => pick(e.target)} />
      <input
        ref={(input) => {
          // React has no typed prop for it; the attribute is what browsers read.
          input?.setAttribute('webkitdirectory', '');
          folder.current = input;
        }}
        type="file"
        hidden
        data-testid="drive-folder-input"
        onChange={(e) => pick(e.target)}
      />
      {scanning && (
        <Suspense>
          <ScanDialog folderId={folderId} onClose={() => setScanning(false)} />
        </Suspense>
      )}
    </>
  );
}
