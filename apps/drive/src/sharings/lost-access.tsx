import { Link } from '@mytoutatice/app-kit';
import { isApiError } from '@mytoutatice/sdk';
import { queryKeys } from '@mytoutatice/sdk/react';
import { EmptyState, useT } from '@mytoutatice/ui';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { DriveKey } from '../messages.ts';
import { DrivePage } from '../nav/drive-page.tsx';
import { viewPaths } from '../routes.ts';

/** A sharing answers 404 once one is removed from it (or it is stopped), 403 for a role lowered under what was asked. */
export function isAccessLost(error: unknown): boolean {
  return isApiError(error) && (error.status === 403 || error.status === 404);
}

/** « Vous n'avez plus accès à ce partage », with the way back; « Partages » is read again meanwhile. */
export function LostAccess() {
  const t = useT<DriveKey>();
  const queryClient = useQueryClient();
  useEffect(() => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.sharings() });
  }, [queryClient]);
  return (
    <DrivePage current="sharing" title={t('nav.shared')}>
      <div role="alert">
        <EmptyState title={t('drive.shared.lost')} text={t('drive.shared.lostText')} />
      </div>
      <p className="mt-sharing-back">
        <Link href={viewPaths.shared}>{t('drive.shared.back')}</Link>
      </p>
    </DrivePage>
  );
}
