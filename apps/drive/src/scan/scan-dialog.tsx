import type { DriveKey } from '../messages.ts';
import { useEffect, useRef, useState } from 'react';
import { checkName } from '@mytoutatice/sdk';
import { Button, Dialog, Icon, TextField, formatDate, useLocale, usePlural, useT, useToast } from '@mytoutatice/ui';
import { useUploadQueueContext } from '../upload/upload-context.tsx';
import { asJpeg, pdfOfJpegs } from './scan-pdf.ts';

type Page = { key: number; picture: File; url: string };

let pages = 0;

/**
 * « Scanner un document »: pictures from the camera (or the gallery), put in order, made into one
 * PDF in the page, and uploaded into the folder like any imported file.
 */
export function ScanDialog({ folderId, onClose }: { folderId: string; onClose: () => void }) {
  const t = useT<DriveKey>();
  const plural = usePlural<DriveKey>();
  const locale = useLocale();
  const toast = useToast();
  const queue = useUploadQueueContext();
  const camera = useRef<HTMLInputElement>(null);
  const [list, setList] = useState<readonly Page[]>([]);
  // « 29 novembre 2026 »: no slash, which a name may not hold (a second scan the same day is numbered).
  const [name, setName] = useState(() =>
    t('drive.scan.defaultName', { date: formatDate(new Date().toISOString(), locale, { dateStyle: 'long' }) }),
  );
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // The thumbnails' URLs go with the dialog.
  const urls = useRef(new Set<string>());
  useEffect(() => () => urls.current.forEach((url) => URL.revokeObjectURL(url)), []);

  const add = (files: FileList | null) => {
    const fresh = Array.from(files ?? [], (picture) => {
      const url = URL.createObjectURL(picture);
      urls.current.add(url);
      return { key: ++pages, picture, url };
    });
    setList((current) => [...current, ...fresh]);
  };
  const move = (index: number, by: -1 | 1) =>
    setList((current) => {
      const other = current[index + by];
      const page = current[index];
      return other && page ? current.with(index, other).with(index + by, page) : current;
    });
  const remove = (index: number) => setList((current) => current.filter((_, at) => at !== index));

  const save = async () => {
    const checked = checkName(`${name.trim()}.pdf`);
    if (!checked.ok) {
      setError(checked.reason);
      return;
    }
    setBusy(true);
    try {
      const jpegs = await Promise.all(list.map((page) => asJpeg(page.picture)));
      const bytes = await pdfOfJpegs(jpegs, name.trim());
      queue.add([{ file: new File([bytes as BlobPart], checked.name, { type: 'application/pdf' }), parentId: folderId }]);
      onClose();
    } catch {
      toast.error(t('drive.scan.failed'));
      setBusy(false);
    }
  };

  return (
    <Dialog
      open
      onClose={onClose}
      title={t('drive.scan.open')}
      size="lg"
      onSubmit={() => void save()}
      actions={
        <>
          <Button onClick={onClose}>{t('action.cancel')}</Button>
          <Button type="submit" variant="primary" disabled={list.length === 0 || busy}>
            {t('drive.scan.save')}
          </Button>
        </>
      }
    >
      <TextField label={t('drive.scan.name')} value={name} error={error} onChange={(e) => setName(e.target.value)} />
      <Button icon={<Icon name="plus" />} onClick={() => camera.current?.click()}>
        {list.length === 0 ? t('drive.scan.take') : t('drive.scan.takeMore')}
      </Button>
      <input
        ref={camera}
        type="file"
        accept="image/*"
        capture="environment"
        multiple
        hidden
        data-testid="drive-scan-input"
        onChange={(e) => {
          add(e.target.files);
          e.target.value = '';
        }}
      />
      <p role="status" className="mt-scan__count">
        {plural('drive.scan.count', list.length)}
      </p>
      <ol className="mt-scan__pages">
        {list.map((page, index) => {
          const label = (action: DriveKey) => t('drive.scan.pageAction', { action: t(action), page: index + 1 });
          return (
            <li key={page.key} className="mt-scan__page">
              <img src={page.url} alt={t('drive.scan.page', { page: index + 1 })} />
              <span className="mt-actions">
                <Button size="sm" variant="ghost" aria-label={label('drive.scan.up')} aria-disabled={index === 0 || undefined} onClick={() => move(index, -1)}>
                  {t('drive.scan.up')}
                </Button>
                <Button
                  size="sm"
                  variant="ghost"
                  aria-label={label('drive.scan.down')}
                  aria-disabled={index === list.length - 1 || undefined}
                  onClick={() => move(index, 1)}
                >
                  {t('drive.scan.down')}
                </Button>
                <Button size="sm" variant="ghost" aria-label={label('drive.scan.remove')} onClick={() => remove(index)}>
                  {t('drive.scan.remove')}
                </Button>
              </span>
            </li>
          );
        })}
      </ol>
    </Dialog>
  );
}
