import { useRecent } from '@mytoutatice/sdk/react';
import { useT } from '@mytoutatice/ui';
import type { DriveKey } from '../messages.ts';
import { DrivePage } from '../nav/drive-page.tsx';
import { LocatedList } from './located-list.tsx';

/** « Récents »: files last changed first, wherever they are. */
export function RecentView() {
  const t = useT<DriveKey>();
  return (
    <DrivePage current="recent" title={t('nav.recent')}>
      <LocatedList query={useRecent()} label={t('nav.recent')} empty={t('drive.recent.empty')} emptyText={t('drive.recent.emptyText')} />
    </DrivePage>
  );
}
