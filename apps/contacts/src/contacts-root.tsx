import type { ContactsKey } from './messages.ts';
import { DocumentsPage } from '@mytoutatice/app-kit';
import { doctypes } from '@mytoutatice/sdk';
import { useT } from '@mytoutatice/ui';

export function ContactsRoot() {
  const t = useT<ContactsKey>();
  return (
    <DocumentsPage
      title={t('contacts.title')}
      doctype={doctypes.contacts}
      empty={{ title: t('contacts.empty.title'), text: t('contacts.empty.text') }}
      loadError={t('contacts.loadError')}
      label={(doc) => (typeof doc.data.fullname === 'string' && doc.data.fullname) || t('contacts.unnamed')}
    />
  );
}
