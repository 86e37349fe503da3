import type { HocuspocusProvider } from '@hocuspocus/provider';
import { NOTE_FRAGMENT, noteExtensions } from '@mytoutatice/notes-doc';
import { createNotes, type Transport } from '@mytoutatice/sdk';
import { EmptyState, ErrorPanel, errorText, I18nProvider, Loading, useT } from '@mytoutatice/ui';
import Collaboration from '@tiptap/extension-collaboration';
import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import { connectNote } from './connect-note.ts';
import { withImageView } from './image-view.ts';
import { noteMessages, type NoteKey } from './note-messages.ts';

export type LiveNoteProps = {
  transport: Transport;
  /** `noteApiBase` of where the note is reached (a public link's visitor: `/api/links/<code>`). */
  apiBase: string;
  fileId: string;
  /** The note's name, for its accessible label. */
  label: string;
};

/**
 * A note read as it is being written: its content follows every co-editor's typing, and can
 * never be changed from here (the server refuses it too). For those who may only read it from
 * outside the Home (a public link's visitor); nothing is kept on the device.
 */
export function LiveNote(props: LiveNoteProps) {
  return (
    <I18nProvider messages={noteMessages}>
      <LiveNoteSession {...props} />
    </I18nProvider>
  );
}

type Session = { doc: Y.Doc; provider: HocuspocusProvider };

function LiveNoteSession({ transport, apiBase, fileId, label }: LiveNoteProps) {
  const t = useT<NoteKey>();
  const [session, setSession] = useState<Session | null>(null);
  const [gone, setGone] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  useEffect(() => {
    const doc = new Y.Doc();
    let provider: HocuspocusProvider | null = null;
    let left = false;
    const close = () => {
      provider?.destroy();
      provider?.configuration.websocketProvider.destroy();
      doc.destroy();
    };
    connectNote({ transport, fileId, apiBase, doc, onEnd: () => setGone(true), onAccessChange: () => undefined }).then(
      (opened) => {
        provider = opened;
        if (left) close();
        else setSession({ doc, provider: opened });
      },
      (error: unknown) => setFailure(error),
    );
    return () => {
      left = true;
      close();
      setSession(null);
    };
  }, [transport, apiBase, fileId]);

  if (gone) return <EmptyState title={t('note.gone')} />;
  if (failure) return <ErrorPanel title={t('note.failed')} detail={errorText(t, failure)} />;
  if (!session) return <Loading />;
  return <NoteContent session={session} label={label} transport={transport} apiBase={apiBase} />;
}

function NoteContent({ session: { doc, provider }, label, transport, apiBase }: { session: Session; label: string; transport: Transport; apiBase: string }) {
  const t = useT<NoteKey>();
  const status = useConnection(provider);
  const editor = useEditor(
    {
      extensions: [
        ...withImageView(noteExtensions(), (src, signal) => createNotes(transport).image(src, { apiBase, signal }), {
          loading: t('image.loading'),
          failed: t('image.failed'),
        }),
        Collaboration.configure({ document: doc, field: NOTE_FRAGMENT }),
      ],
      editable: false,
      // The page's CSP allows no inline <style>: the base rules are in note-content.css.
      injectCSS: false,
      editorProps: { attributes: { role: 'article', 'aria-label': label, class: 'mt-note__content' } },
    },
    [doc],
  );
  return (
    <div className="mt-live-note">
      <p className="mt-live-note__status" role="status">
        {t(status === 'live' ? 'note.live' : status === 'offline' ? 'note.offline' : 'note.connecting')}
      </p>
      <EditorContent editor={editor} />
    </div>
  );
}

/** Whether the note is followed live now: connected and synced, offline, or (re)connecting. */
function useConnection(provider: HocuspocusProvider): Connection {
  const [status, setStatus] = useState(() => connectionOf(provider));
  useEffect(() => {
    const update = () => setStatus(connectionOf(provider));
    update();
    provider.on('synced', update);
    provider.configuration.websocketProvider.on('status', update);
    window.addEventListener('offline', update);
    window.addEventListener('online', update);
    return () => {
      provider.off('synced', update);
      provider.configuration.websocketProvider.off('status', update);
      window.removeEventListener('offline', update);
      window.removeEventListener('online', update);
    };
  }, [provider]);
  return status;
}

type Connection = 'live' | 'offline' | 'connecting';

function connectionOf(provider: HocuspocusProvider): Connection {
  if (provider.synced && provider.configuration.websocketProvider.status === 'connected') return 'live';
  return navigator.onLine ? 'connecting' : 'offline';
}
