import type { PhotosKey } from './messages.ts';
import { DocumentsPage } from '@mytoutatice/app-kit';
import { doctypes } from '@mytoutatice/sdk';
import { useT } from '@mytoutatice/ui';

export function PhotosRoot() {
  const t = useT<PhotosKey>();
  return (
    <DocumentsPage
      title={t('photos.title')}
      doctype={doctypes.albums}
      listTitle={t('photos.albums')}
      empty={{ title: t('photos.empty.title'), text: t('photos.empty.text') }}
      loadError={t('photos.loadError')}
      label={(doc) => (typeof doc.data.name === 'string' && doc.data.name) || t('photos.untitled')}
    />
  );
}
