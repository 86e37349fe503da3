import type { FileDoc, SessionUser } from '@mytoutatice/contract';
import { Link } from '@mytoutatice/app-kit';
import { NOTE_FRAGMENT, noteExtensions } from '@mytoutatice/notes-doc';
import type { Client } from '@mytoutatice/sdk';
import { useClient, useDownloadLink } from '@mytoutatice/sdk/react';
import { Button, errorText, Icon, MenuButton, PageLayout, saveBlob, saveUrl, useLocale, useT, useToast } from '@mytoutatice/ui';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, useState } from 'react';
import type { NotesKey } from '../messages.ts';
import { listPath } from '../routes.ts';
import { titleFromFileName } from '../list/note-name.ts';
import { caretColour } from './caret-colour.ts';
import { useDocTitle } from './doc-title.ts';
import { mentionSuggestion } from './mention-suggestion.ts';
import { HistoryPanel } from './history-panel.tsx';
import { standaloneHtml } from './note-export.ts';
import type { NoteSession } from './note-session.ts';
import { NoteToolbar } from './note-toolbar.tsx';
import { useLeaveWarning, useProviderState } from './provider-state.ts';
import { hasPendingChanges, saveStatus } from './save-status.ts';

/** The note's extensions with Yjs keeping the history: ProseMirror's own undo would undo others' typing. */
/** The note's schema for a shared document: Yjs keeps the history (no UndoRedo), « @ » offers people. */
const collaborative = (client: Client, mentionLabel: string) =>
  noteExtensions({ mentionSuggestion: mentionSuggestion(client, mentionLabel) }).map((extension) =>
    extension.name === 'starterKit' ? extension.configure({ undoRedo: false }) : extension,
  );

/** `file` is undefined while it cannot be read (offline): the text is edited all the same. */
export type NoteEditorProps = { session: NoteSession; file: FileDoc | undefined; user: Pick<SessionUser, 'sub' | 'name'>; canWrite: boolean };

export function NoteEditor({ session: { doc, provider, check }, file, user, canWrite }: NoteEditorProps) {
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

  const editor = useEditor(
    {
      extensions: [
        ...collaborative(client, t('editor.mention')),
        Collaboration.configure({ document: doc, field: NOTE_FRAGMENT }),
        CollaborationCaret.configure({ provider, user: { name: user.name, color: caretColour(user.sub) } }),
      ],
      editable: !readOnly,
      // The page's CSP allows no inline <style>: the editor's base rules are in styles.css.
      injectCSS: false,
      editorProps: {
        attributes: { 'aria-label': t('editor.label'), role: 'textbox', 'aria-multiline': 'true', class: 'mt-note__content' },
      },
    },
    [doc, provider],
  );
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
  const exportHtml = () => saveBlob(new Blob([standaloneHtml(title, editor.getHTML(), locale)], { type: 'text/html' }), `${title}.html`);

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
              { id: 'html', label: t('note.exportHtml'), onSelect: exportHtml },
              { id: 'print', label: t('note.print'), onSelect: () => window.print() },
            ]}
          />
        </>
      }
    >
      <div className="mt-note__bar">
        {readOnly ? null : <NoteToolbar editor={editor} />}
        <p className={`mt-note__status mt-note__status--${status}`} role="status">
          {readOnly ? <span className="mt-note__readonly">{t('editor.readOnly')}</span> : null}
          {t(`status.${status}`)}
        </p>
      </div>
      <EditorContent editor={editor} className="mt-note__page" />
      {history && file ? <HistoryPanel file={file} canRestore={!readOnly} onClose={() => setHistory(false)} /> : null}
    </PageLayout>
  );
}
