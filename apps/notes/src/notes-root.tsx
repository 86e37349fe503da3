import type { NotesKey } from './messages.ts';
import { DocumentsPage } from '@mytoutatice/app-kit';
import { doctypes } from '@mytoutatice/sdk';
import { useT } from '@mytoutatice/ui';

export function NotesRoot() {
  const t = useT<NotesKey>();
  return (
    <DocumentsPage
      title={t('notes.title')}
      doctype={doctypes.notes}
      listTitle={t('notes.recent')}
      empty={{ title: t('notes.empty.title'), text: t('notes.empty.text') }}
      loadError={t('notes.loadError')}
      label={(doc) => (typeof doc.data.title === 'string' && doc.data.title) || t('notes.untitled')}
    />
  );
}
