import type { DriveKey } from '../messages.ts';
import type { FileDoc } from '@mytoutatice/contract';
import { useEffect, useState } from 'react';
import { ROOT_ID } from '@mytoutatice/sdk';
import { useDownloadLink, useFile, useFilesScope, useFolder } from '@mytoutatice/sdk/react';
import { Button, Dialog, errorText, Icon, saveUrl, useT, useToast } from '@mytoutatice/ui';
import { PreviewBody } from './preview-body.tsx';
import { neighbours } from './neighbours.ts';
import { LazyVersionHistory } from '../versions/lazy-version-history.tsx';
import { sortFromSearch } from '../routes.ts';
import { useSearchString } from '../use-location.ts';


/** Keys that belong to what has focus (a player's seek bar, a text field), not to the file list. */
const OWNS_ARROWS = 'input, textarea, select, video, audio, [contenteditable]';

/**
 * The preview of a file over the folder: Escape closes (focus back where it was), ← → or
 * « Précédent » « Suivant » go through the folder's files, « Télécharger » and « Versions » act on
 * the one shown. A shared file shown `alone` has no folder to go through (its folder is not shared).
 */
export function PreviewDialog({ file: opened, alone, onShow, onClose }: { file: FileDoc; alone: boolean; onShow: (file: FileDoc) => void; onClose: () => void }) {
  const t = useT<DriveKey>();
  // As it is now: a version restored from here changes its content (and so its SHA-256).
  const file = useFile(opened.id).data ?? opened;
  const toast = useToast();
  const link = useDownloadLink();
  // The folder view's own query (same key, same sort): already in the cache, no request.
  const siblings = useFolder(file.parentId ?? ROOT_ID, { ...sortFromSearch(useSearchString()), enabled: !alone });
  // Versions are the owner's history: restoring one is theirs to do.
  const ownSpace = useFilesScope().sharingId === null;
  const files = (siblings.data?.items ?? []).filter((item) => item.type === 'file');
  const { previous, next } = neighbours(files, file.id);
  const position = files.findIndex((item) => item.id === file.id);
  const [versions, setVersions] = useState(false);

  useEffect(() => {
    if (versions) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.target instanceof Element && event.target.closest(OWNS_ARROWS)) return;
      const target = event.key === 'ArrowLeft' ? previous : event.key === 'ArrowRight' ? next : undefined;
      if (!target) return;
      event.preventDefault();
      onShow(target);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [previous, next, onShow, versions]);

  const download = async () => {
    try {
      const { url } = await link.mutateAsync(file.id);
      saveUrl(url, file.name);
    } catch (error) {
      toast.error(errorText(t, error));
    }
  };
  // Stay focusable at the ends (aria-disabled, not disabled): focus is not thrown to the page.
  const step = (target: FileDoc | undefined, label: string) => (
    <Button aria-disabled={target ? undefined : true} onClick={() => target && onShow(target)}>
      {label}
    </Button>
  );

  return (
    <>
      <Dialog
        open
        onClose={onClose}
        title={file.name}
        size="lg"
        className="mt-preview"
        actions={
          <>
            {step(previous, t('drive.preview.previous'))}
            {step(next, t('drive.preview.next'))}
            {ownSpace && <Button onClick={() => setVersions(true)}>{t('drive.versions.open')}</Button>}
            <Button variant="primary" icon={<Icon name="download" />} onClick={() => void download()}>
              {t('action.download')}
            </Button>
          </>
        }
      >
        {position !== -1 && (
          <p className="mt-preview__position" role="status">
            {t('drive.preview.position', { at: position + 1, count: files.length })}
          </p>
        )}
        <PreviewBody key={`${file.id}:${file.sha256 ?? ''}`} file={file} onDownload={() => void download()} />
      </Dialog>
      {versions && <LazyVersionHistory file={file} onClose={() => setVersions(false)} />}
    </>
  );
}
