import type { DriveKey } from '../messages.ts';
import { Link } from '@mytoutatice/app-kit';
import type { ApiError } from '@mytoutatice/sdk';
import { errorText, useT } from '@mytoutatice/ui';
import { viewPaths } from '../routes.ts';

/** Why a file was not imported, with the way out when there is one (room to free in the trash). */
export function UploadError({ error }: { error: ApiError | undefined }) {
  const t = useT<DriveKey>();
  if (error?.code === 'quota_exceeded') {
    return (
      <>
        {t('drive.uploads.quota')} <Link href={viewPaths.trash}>{t('drive.uploads.openTrash')}</Link>
      </>
    );
  }
  if (error?.code === 'payload_too_large') return <>{t('drive.uploads.tooLarge')}</>;
  return <>{errorText(t, error)}</>;
}
