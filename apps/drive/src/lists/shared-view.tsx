import { EmptyState, useT } from '@mytoutatice/ui';
import type { DriveKey } from '../messages.ts';
import { DrivePage } from '../nav/drive-page.tsx';

/** « Partages »: a place kept for the sharing issue. */
export function SharedView() {
  const t = useT<DriveKey>();
  return (
    <DrivePage current="shared" title={t('nav.shared')}>
      <EmptyState title={t('drive.shared.empty')} text={t('drive.shared.emptyText')} />
    </DrivePage>
  );
}
