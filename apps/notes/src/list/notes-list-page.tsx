import type { NoteItem } from '@mytoutatice/contract';
import { Link, navigate, useDebounced } from '@mytoutatice/app-kit';
import { useCreateNote, useNotes, useSharings } from '@mytoutatice/sdk/react';
import {
  Button,
  DataTable,
  EmptyState,
  ErrorPanel,
  errorText,
  formatUpdated,
  Icon,
  Loading,
  MenuButton,
  PageLayout,
  SearchBox,
  useLocale,
  useT,
  useToast,
} from '@mytoutatice/ui';
import type { DataColumn } from '@mytoutatice/ui';
import { useId, useMemo, useRef, useState } from 'react';
import type { NotesKey } from '../messages.ts';
import { notePath } from '../routes.ts';
import { locationOf, titleFromFileName } from './note-name.ts';
import { RenameNoteDialog } from './rename-note-dialog.tsx';
import { useNoteActions } from './use-note-actions.ts';

const SEARCH_PAUSE_MS = 250;

/**
 * « Notes récentes » (the seed's screen): name, last change, where, whether one shares it; a
 * search over titles and texts; « Ajouter une note » and « Importer un fichier Markdown ».
 */
export function NotesListPage() {
  const t = useT<NotesKey>();
  const locale = useLocale();
  const toast = useToast();
  const searchId = useId();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), SEARCH_PAUSE_MS);
  const notes = useNotes(q);
  const create = useCreateNote();
  const actions = useNoteActions();
  const sharings = useSharings();
  const [renaming, setRenaming] = useState<NoteItem | null>(null);
  const picker = useRef<HTMLInputElement>(null);

  // The seed's « PARTAGE » mark: what one has shared with someone (Drive's rule).
  const sent = sharings.data?.sent;
  const shared = useMemo(() => new Set((sent ?? []).filter((s) => s.members.length > 0).map((s) => s.item.id)), [sent]);

  const createAndOpen = async (body?: { title: string; markdown: string }) => {
    try {
      const note = await create.mutateAsync(body);
      if (body) toast.success(t('notes.imported', { name: note.title }));
      navigate(notePath(note.file.id));
    } catch (error) {
      toast.error(errorText(t, error));
    }
  };
  const importFile = async (file: File | undefined) => {
    if (!file) return;
    await createAndOpen({ title: titleFromFileName(file.name), markdown: await file.text() });
  };

  const columns: DataColumn<NoteItem>[] = [
    {
      key: 'name',
      header: t('notes.column.name'),
      rowHeader: true,
      cell: (note) => (
        <Link href={notePath(note.file.id)} className="mt-notes__name">
          <Icon name="file" />
          {note.title || t('notes.untitled')}
        </Link>
      ),
    },
    { key: 'updated', header: t('notes.column.updated'), cell: (note) => formatUpdated(note.file.updatedAt, locale) },
    { key: 'location', header: t('notes.column.location'), hideOnPhone: true, cell: (note) => locationOf(note.file.path) ?? '—' },
    {
      key: 'sharing',
      header: t('notes.column.sharing'),
      hideOnPhone: true,
      cell: (note) => (shared.has(note.file.id) ? <span className="mt-notes__shared"><Icon name="share" /> {t('notes.shared')}</span> : '—'),
    },
    {
      key: 'actions',
      header: t('action.moreActions'),
      hideHeader: true,
      cell: (note) => (
        <MenuButton
          label={t('notes.actions', { name: note.title })}
          icon={<Icon name="more" />}
          hideLabel
          variant="ghost"
          size="sm"
          align="end"
          items={[
            { id: 'open', label: t('notes.open'), onSelect: () => navigate(notePath(note.file.id)) },
            { id: 'rename', label: t('action.rename'), onSelect: () => setRenaming(note) },
            { id: 'trash', label: t('action.delete'), danger: true, onSelect: () => void actions.trash(note) },
          ]}
        />
      ),
    },
  ];

  let body;
  if (notes.isError) body = <ErrorPanel title={t('notes.loadError')} detail={errorText(t, notes.error)} onRetry={() => void notes.refetch()} />;
  else if (notes.isPending) body = <Loading />;
  else if (notes.data.items.length === 0)
    body = q === '' ? <EmptyState title={t('notes.empty.title')} text={t('notes.empty.text')} /> : <p>{t('notes.search.none', { q })}</p>;
  else
    body = (
      <>
        <DataTable caption={t('notes.recent')} columns={columns} rows={notes.data.items} rowKey={(note) => note.file.id} busy={notes.isFetching} />
        {notes.hasNextPage ? (
          <Button onClick={() => void notes.fetchNextPage()} disabled={notes.isFetchingNextPage}>
            {t('action.loadMore')}
          </Button>
        ) : null}
      </>
    );

  return (
    <PageLayout
      title={t('notes.title')}
      className="mt-notes"
      actions={
        <>
          <Button variant="primary" onClick={() => void createAndOpen()} disabled={create.isPending}>
            <Icon name="plus" />
            {t('notes.add')}
          </Button>
          <Button onClick={() => picker.current?.click()} disabled={create.isPending}>
            <Icon name="upload" />
            {t('notes.import')}
          </Button>
          <input
            ref={picker}
            type="file"
            accept=".md,.markdown,text/markdown"
            hidden
            onChange={(event) => {
              void importFile(event.target.files?.[0]);
              event.target.value = '';
            }}
          />
        </>
      }
    >
      <SearchBox className="mt-notes__search" label={t('notes.search.label')} placeholder={t('notes.search.placeholder')} value={text} onChange={setText} />
      <section aria-labelledby={`${searchId}-recent`}>
        <h2 id={`${searchId}-recent`}>{t('notes.recent')}</h2>
        {body}
      </section>
      {renaming ? <RenameNoteDialog note={renaming} onRename={(title) => actions.rename(renaming, title)} onClose={() => setRenaming(null)} /> : null}
    </PageLayout>
  );
}
