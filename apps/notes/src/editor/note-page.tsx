import type { SessionUser } from '@mytoutatice/contract';
import { Link } from '@mytoutatice/app-kit';
import { queryKeys, useClient, useFile, useMe, useSharing } from '@mytoutatice/sdk/react';
import { EmptyState, ErrorPanel, errorText, Loading, PageLayout, useT } from '@mytoutatice/ui';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { NotesKey } from '../messages.ts';
import { listPath } from '../routes.ts';
import { NoteEditor } from './note-editor.tsx';
import type { NoteSession } from './note-session.ts';
import { openNote } from './note-session.ts';
import type { NoteEnd } from '@mytoutatice/app-kit/note';

export type NotePageProps = {
  fileId: string;
  sharingId: string | null;
  /** The shell's word on who signed in (the ENT's tokens): the note opens with it offline, when `useMe()` cannot be read. */
  signedIn: Pick<SessionUser, 'sub' | 'name'>;
};

/** `/notes/<id>`: the note's file (its name is the title) and its collaborative session. */
export function NotePage({ fileId, sharingId, signedIn }: NotePageProps) {
  return sharingId === null ? (
    <NoteScreen fileId={fileId} sharingId={null} signedIn={signedIn} canWrite />
  ) : (
    <SharedNote fileId={fileId} sharingId={sharingId} signedIn={signedIn} />
  );
}

/** Received through a sharing: « Peut consulter » reads only (the server refuses writes too). */
function SharedNote({ fileId, sharingId, signedIn }: NotePageProps & { sharingId: string }) {
  const sharing = useSharing(sharingId);
  const t = useT<NotesKey>();
  // Offline the role cannot be read: this device's copy is shown to read, never to write what the
  // server might refuse (« Peut consulter ») once back.
  if (!sharing.data && (sharing.error?.status === 0 || !navigator.onLine)) return <NoteScreen fileId={fileId} sharingId={sharingId} signedIn={signedIn} canWrite={false} />;
  if (sharing.isError) return <Ended text={sharing.error.code === 'not_found' ? t('editor.accessEnded') : errorText(t, sharing.error)} />;
  if (sharing.isPending) return <Loading />;
  return <NoteScreen fileId={fileId} sharingId={sharingId} signedIn={signedIn} canWrite={sharing.data.access === 'owner' || sharing.data.access === 'write'} />;
}

function Ended({ text }: { text: string }) {
  const t = useT<NotesKey>();
  return (
    <PageLayout title={t('notes.title')}>
      <EmptyState title={text} />
      <Link href={listPath}>{t('notes.back')}</Link>
    </PageLayout>
  );
}

function NoteScreen({ fileId, sharingId, signedIn, canWrite }: NotePageProps & { canWrite: boolean }) {
  const t = useT<NotesKey>();
  const client = useClient();
  const queryClient = useQueryClient();
  const me = useMe();
  const file = useFile(fileId);
  const [session, setSession] = useState<NoteSession | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [end, setEnd] = useState<NoteEnd | null>(null);
  // « Réessayer » after a failed opening opens the session again.
  const [attempt, setAttempt] = useState(0);
  // Offline, `me` cannot be read (or not at once): the note opens from this device's copy, whose
  // name holds the same `sub`, and says « Hors ligne » from the start.
  const user = me.data?.user ?? (me.error?.status === 0 || !navigator.onLine ? signedIn : undefined);
  const userId = user?.sub;

  useEffect(() => {
    if (userId === undefined) return undefined;
    let close: (() => void) | null = null;
    let left = false;
    const onAccessChange = () => {
      if (sharingId !== null) void queryClient.invalidateQueries({ queryKey: queryKeys.sharingDetail(sharingId) });
    };
    openNote({ transport: client.transport, fileId, sharingId, userId, onEnd: setEnd, onAccessChange }).then(
      (opened) => {
        if (left) return opened.close();
        close = opened.close;
        setSession(opened.session);
      },
      (error: unknown) => setFailure(error),
    );
    return () => {
      left = true;
      close?.();
      setSession(null);
    };
  }, [client, queryClient, fileId, sharingId, userId, attempt]);

  // Offline (status 0), the note still opens from this device's copy: only a refusal stops it.
  const refused = file.isError && file.error.status !== 0;
  if (end) return <Ended text={t('editor.gone')} />;
  if (refused || failure)
    return (
      <PageLayout title={t('notes.title')}>
        <ErrorPanel
          title={t('editor.loadError')}
          detail={errorText(t, file.error ?? failure)}
          onRetry={() => {
            setFailure(null);
            setAttempt((n) => n + 1);
            void file.refetch();
          }}
        />
        <Link href={listPath}>{t('notes.back')}</Link>
      </PageLayout>
    );
  if (!session || !user) return <Loading />;
  return <NoteEditor session={session} fileId={fileId} sharingId={sharingId} file={file.data} user={user} canWrite={canWrite} />;
}
