import type { FileDoc, FileVersion } from '@mytoutatice/contract';
import { markdownToJson, noteExtensions } from '@mytoutatice/notes-doc';
import { useFilesScope, useFileVersions, useRestoreVersion } from '@mytoutatice/sdk/react';
import { Button, Dialog, EmptyState, ErrorPanel, errorText, formatUpdated, Loading, useLocale, useT, useToast } from '@mytoutatice/ui';
import { useQuery } from '@tanstack/react-query';
import { EditorContent, useEditor } from '@tiptap/react';
import type { JSONContent } from '@tiptap/core';
import { useState } from 'react';
import type { NotesKey } from '../messages.ts';

/** A version as it reads: its Markdown turned into the note's document, shown with the editor's own extensions. */
function VersionPreview({ content, label }: { content: JSONContent; label: string }) {
  const editor = useEditor(
    { extensions: noteExtensions(), content, editable: false, injectCSS: false, editorProps: { attributes: { 'aria-label': label, class: 'mt-note__content' } } },
    [content],
  );
  return <EditorContent editor={editor} className="mt-note-history__preview" />;
}

/**
 * « Historique »: the note's versions are those of its Markdown file in the Drive. One is
 * previewed, then « Restaurer cette version » makes it the note again: the server turns it into
 * a new state every open editor receives live.
 */
/** The note's versions; `canRestore` false for a reader (« Peut consulter »), who may look but not restore. */
export function HistoryPanel({ file, canRestore, onClose }: { file: FileDoc; canRestore: boolean; onClose: () => void }) {
  const t = useT<NotesKey>();
  const locale = useLocale();
  const toast = useToast();
  const { files, keys } = useFilesScope();
  const versions = useFileVersions(file.id);
  const restore = useRestoreVersion();
  const [chosen, setChosen] = useState<FileVersion | null>(null);
  const preview = useQuery({
    queryKey: [...keys.fileVersions(file.id), chosen?.id, 'preview'],
    enabled: chosen !== null,
    queryFn: async ({ signal }) => markdownToJson(await (await files.versionContent(file.id, chosen?.id ?? '', { signal })).text()),
  });
  const when = (version: FileVersion) => formatUpdated(version.createdAt, locale);

  const restoreChosen = async () => {
    if (!chosen) return;
    try {
      await restore.mutateAsync({ file, versionId: chosen.id });
      toast.success(t('history.restored', { date: when(chosen) }));
      onClose();
    } catch (error) {
      toast.error(errorText(t, error));
    }
  };

  let list;
  if (versions.isError) list = <ErrorPanel title={errorText(t, versions.error)} onRetry={() => void versions.refetch()} />;
  else if (versions.isPending) list = <Loading />;
  else if (versions.data.items.length === 0) list = <EmptyState title={t('history.empty')} />;
  else
    list = (
      <ul className="mt-note-history__list" aria-label={t('history.versions')}>
        {versions.data.items.map((version) => (
          <li key={version.id}>
            <Button variant={chosen?.id === version.id ? 'primary' : 'ghost'} size="sm" aria-pressed={chosen?.id === version.id} onClick={() => setChosen(version)}>
              {when(version)}
            </Button>
          </li>
        ))}
      </ul>
    );

  return (
    <Dialog
      open
      size="lg"
      title={t('note.history')}
      onClose={onClose}
      className="mt-note-history"
      actions={
        <>
          <Button onClick={onClose}>{t('action.close')}</Button>
          {canRestore ? (
            <Button variant="primary" disabled={!chosen || !preview.isSuccess || restore.isPending} onClick={() => void restoreChosen()}>
              {t('history.restore')}
            </Button>
          ) : null}
        </>
      }
    >
      <div className="mt-note-history__body">
        {list}
        {versions.data?.items.length ? (
          <div className="mt-note-history__pane">
            {!chosen ? (
              <p>{t('history.choose')}</p>
            ) : preview.isError ? (
              <ErrorPanel title={errorText(t, preview.error)} onRetry={() => void preview.refetch()} />
            ) : preview.isSuccess ? (
              <VersionPreview content={preview.data} label={t('history.preview', { date: when(chosen) })} />
            ) : (
              <Loading />
            )}
          </div>
        ) : null}
      </div>
    </Dialog>
  );
}
