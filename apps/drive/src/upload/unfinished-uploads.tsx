import type { DriveKey } from '../messages.ts';
import { useEffect, useRef, useState } from 'react';
import { forgetUnfinishedUpload, unfinishedUploads } from '@mytoutatice/sdk';
import type { UnfinishedUpload } from '@mytoutatice/sdk';
import { useFilesScope } from '@mytoutatice/sdk/react';
import { Button, formatBytes, formatDate, useLocale, useT } from '@mytoutatice/ui';
import { useUploadItems, useUploadQueueContext } from './upload-context.tsx';

/**
 * Big uploads cut by a reload or a closed tab: the browser cannot reopen the files by itself, so
 * the person picks them again and each goes on from where the server is (tus finds it by name,
 * size, date and folder). Only uploads into folders of this space are shown: the browser may be
 * shared, and another person's would answer 404.
 */
export function UnfinishedUploads() {
  const t = useT<DriveKey>();
  const locale = useLocale();
  const { files } = useFilesScope();
  const queue = useUploadQueueContext();
  const items = useUploadItems();
  const input = useRef<HTMLInputElement>(null);
  const [found, setFound] = useState<readonly UnfinishedUpload[]>([]);
  const [unmatched, setUnmatched] = useState<readonly string[]>([]);

  // Read again as uploads finish: tus forgets each one that completes.
  const finished = items.filter((i) => i.status === 'done').length;
  useEffect(() => {
    let live = true;
    void (async () => {
      const all = await unfinishedUploads();
      const mine = await Promise.all(all.map((u) => files.get(u.parentId).then(() => u, () => undefined)));
      if (live) setFound(mine.filter((u) => u !== undefined));
    })();
    return () => {
      live = false;
    };
  }, [files, finished]);

  // Those this page is sending again are the queue's to show.
  const shown = found.filter((u) => !items.some((i) => i.name === u.name && i.size === u.size && i.parentId === u.parentId));
  if (shown.length === 0) return null;

  const pick = (files: FileList | null) => {
    const picked = Array.from(files ?? []);
    const matches = picked.map((file) => ({ file, upload: shown.find((u) => u.name === file.name && u.size === file.size) }));
    queue.add(matches.flatMap(({ file, upload }) => (upload ? [{ file, parentId: upload.parentId }] : [])));
    setUnmatched(matches.filter((m) => !m.upload).map((m) => m.file.name));
  };
  const forget = async (upload: UnfinishedUpload) => {
    await forgetUnfinishedUpload(upload.key);
    setFound((list) => list.filter((u) => u.key !== upload.key));
  };

  return (
    <section className="mt-upload-panel" aria-labelledby="mt-unfinished-title">
      <h2 id="mt-unfinished-title">{t('drive.unfinished.title')}</h2>
      <p>{t('drive.unfinished.text')}</p>
      <ul>
        {shown.map((upload) => (
          <li key={upload.key} className="mt-upload-panel__row">
            <span>
              {upload.name} · {formatBytes(upload.size, locale)} · {formatDate(upload.startedAt, locale)}
            </span>
            <Button
              size="sm"
              variant="ghost"
              aria-label={t('drive.uploads.named', { action: t('drive.unfinished.forget'), name: upload.name })}
              onClick={() => void forget(upload)}
            >
              {t('drive.unfinished.forget')}
            </Button>
          </li>
        ))}
      </ul>
      {unmatched.length > 0 && <p role="alert">{t('drive.unfinished.unmatched', { names: unmatched.join(', ') })}</p>}
      <Button variant="primary" onClick={() => input.current?.click()}>
        {t('drive.unfinished.pick')}
      </Button>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        data-testid="drive-resume-input"
        onChange={(e) => {
          pick(e.target.files);
          e.target.value = '';
        }}
      />
    </section>
  );
}
