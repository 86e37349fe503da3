import type { FileDoc, SessionUser } from '@mytoutatice/contract';
import { Link } from '@mytoutatice/app-kit';
import { noteApiBase, withImageView, type ImageLoader, type ImageViewTexts } from '@mytoutatice/app-kit/note';
import { NOTE_FRAGMENT, noteExtensions } from '@mytoutatice/notes-doc';
import type { Client } from '@mytoutatice/sdk';
import { useClient, useDownloadLink } from '@mytoutatice/sdk/react';
import { Button, errorText, Icon, MenuButton, PageLayout, saveBlob, saveUrl, useLocale, useT, useToast } from '@mytoutatice/ui';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor } from '@tiptap/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { NotesKey } from '../messages.ts';
import { listPath } from '../routes.ts';
import { titleFromFileName } from '../list/note-name.ts';
import { caretColour } from './caret-colour.ts';
import { useDocTitle } from './doc-title.ts';
import { mentionSuggestion } from './mention-suggestion.ts';
import { HistoryPanel } from './history-panel.tsx';
import { droppedFiles, pastedFiles, useImageUploads, type ImageUploads } from './image-upload.ts';
import { inlineNoteImages, standaloneHtml } from './note-export.ts';
import type { NoteSession } from './note-session.ts';
import { NoteToolbar } from './note-toolbar.tsx';
import { useLeaveWarning, useProviderState } from './provider-state.ts';
import { hasPendingChanges, saveStatus } from './save-status.ts';

/**
 * The note's schema for a shared document: Yjs keeps the history (no UndoRedo; ProseMirror's own
 * undo would undo others' typing), « @ » offers people, images uploaded to the note are fetched
 * with the session's token (`loadImage`).
 */
const collaborative = (client: Client, mentionLabel: string, loadImage: ImageLoader, imageTexts: ImageViewTexts) =>
  withImageView(noteExtensions({ mentionSuggestion: mentionSuggestion(client, mentionLabel) }), loadImage, imageTexts).map((extension) =>
    extension.name === 'starterKit' ? extension.configure({ undoRedo: false }) : extension,
  );

/**
 * `file` is undefined while it cannot be read (offline): the text is edited all the same.
 * `sharingId`: the sharing the note was opened through (its images are reached under it), or null.
 */
export type NoteEditorProps = {
  session: NoteSession;
  fileId: string;
  sharingId: string | null;
  file: FileDoc | undefined;
  user: Pick<SessionUser, 'sub' | 'name'>;
  canWrite: boolean;
};

export function NoteEditor({ session: { doc, provider, check }, fileId, sharingId, file, user, canWrite }: NoteEditorProps) {
  const t = useT<NotesKey>();
  const locale = useLocale();
  const toast = useToast();
  const downloadLink = useDownloadLink();
  const client = useClient();
  const state = useProviderState(provider, check);
  const [history, setHistory] = useState(false);
  const readOnly = !canWrite || state.readOnly;
  const docTitle = useDocTitle(doc, file === undefined);
  const title = (file && titleFromFileName(file.name)) || docTitle || t('notes.untitled');

  const apiBase = noteApiBase({ sharingId });
  const loadImage = useCallback((src: string, signal: AbortSignal) => client.notes.image(src, { apiBase, signal }), [client, apiBase]);
  // Paste and drop handlers are given once, with the editor: they reach the uploads through a ref.
  const images = useRef<ImageUploads | null>(null);
  const editor = useEditor(
    {
      extensions: [
        ...collaborative(client, t('editor.mention'), loadImage, { loading: t('image.loading'), failed: t('image.failed') }),
        Collaboration.configure({ document: doc, field: NOTE_FRAGMENT }),
        CollaborationCaret.configure({ provider, user: { name: user.name, color: caretColour(user.sub) } }),
      ],
      editable: !readOnly,
      // The page's CSP allows no inline <style>: the editor's base rules are in styles.css.
      injectCSS: false,
      editorProps: {
        attributes: { 'aria-label': t('editor.label'), role: 'textbox', 'aria-multiline': 'true', class: 'mt-note__content' },
        handlePaste: (view, event) => {
          const files = pastedFiles(event.clipboardData);
          if (files.length === 0 || !view.editable) return false;
          void images.current?.insert(files, view.state.selection.from);
          return true;
        },
        handleDrop: (view, event, _slice, moved) => {
          const files = moved ? [] : droppedFiles(event.dataTransfer);
          if (files.length === 0 || !view.editable) return false;
          event.preventDefault();
          const at = view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos ?? view.state.selection.from;
          void images.current?.insert(files, at);
          return true;
        },
      },
    },
    [doc, provider],
  );
  const upload = useCallback(async (image: File) => (await client.notes.addImage(fileId, image, image.name, { apiBase })).src, [client, fileId, apiBase]);
  const refused = useCallback((image: File, error: unknown) => toast.error(t('image.refused', { name: image.name, reason: errorText(t, error) })), [toast, t]);
  const uploads = useImageUploads(editor, upload, refused);
  useEffect(() => {
    images.current = uploads;
  }, [uploads]);
  useEffect(() => {
    if (editor.isEditable === readOnly) editor.setEditable(!readOnly);
    editor.view.dom.setAttribute('aria-readonly', String(readOnly));
  }, [editor, readOnly]);
  useLeaveWarning(hasPendingChanges(state));

  const status = saveStatus(state);
  const download = async () => {
    if (!file) return;
    try {
      saveUrl((await downloadLink.mutateAsync(file.id)).url, file.name);
    } catch (error) {
      toast.error(errorText(t, error));
    }
  };
  // The file opens anywhere, offline too: the note's images go inside it.
  const exportHtml = async () => {
    const body = await inlineNoteImages(editor.getHTML(), (src) => loadImage(src, new AbortController().signal));
    saveBlob(new Blob([standaloneHtml(title, body, locale)], { type: 'text/html' }), `${title}.html`);
  };

  return (
    <PageLayout
      title={title}
      className="mt-note"
      actions={
        <>
          <Link href={listPath} className="mt-note__back">
            {t('notes.back')}
          </Link>
          <Button onClick={() => setHistory(true)} disabled={!file}>
            <Icon name="clock" />
            {t('note.history')}
          </Button>
          <MenuButton
            label={t('note.more')}
            icon={<Icon name="more" />}
            hideLabel
            variant="ghost"
            align="end"
            items={[
              { id: 'download', label: t('action.download'), disabled: !file, onSelect: () => void download() },
              { id: 'html', label: t('note.exportHtml'), onSelect: () => void exportHtml() },
              { id: 'print', label: t('note.print'), onSelect: () => window.print() },
            ]}
          />
        </>
      }
    >
      <div className="mt-note__bar">
        {readOnly ? null : <NoteToolbar editor={editor} onImages={(files) => void uploads.insert(files, editor.state.selection.from)} />}
        <p className={`mt-note__status mt-note__status--${status}`} role="status">
          {readOnly ? <span className="mt-note__readonly">{t('editor.readOnly')}</span> : null}
          {t(`status.${status}`)}
          {uploads.uploading > 0 ? <span className="mt-note__uploading">{t('image.uploading')}</span> : null}
        </p>
      </div>
      <EditorContent editor={editor} className="mt-note__page" />
      {history && file ? <HistoryPanel file={file} canRestore={!readOnly} onClose={() => setHistory(false)} /> : null}
    </PageLayout>
  );
}
