import { useFavorites } from '@mytoutatice/sdk/react';
import { useT } from '@mytoutatice/ui';
import type { DriveKey } from '../messages.ts';
import { DrivePage } from '../nav/drive-page.tsx';
import { LocatedList } from './located-list.tsx';

/** « Favoris »: what the person marked, wherever it is. */
export function FavoritesView() {
  const t = useT<DriveKey>();
  return (
    <DrivePage current="favorites" title={t('drive.nav.favorites')}>
      <LocatedList
        query={useFavorites()}
        label={t('drive.nav.favorites')}
        empty={t('drive.favorites.empty')}
        emptyText={t('drive.favorites.emptyText')}
      />
    </DrivePage>
  );
}
