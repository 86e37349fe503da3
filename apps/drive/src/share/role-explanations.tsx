import { useT } from '@mytoutatice/ui';
import type { DriveKey } from '../messages.ts';
import { ROLE_LABELS } from './role-select.tsx';

/** What each role lets people do, under the recipients (the seed's wording, for MyToutatice). */
export function RoleExplanations({ folder }: { folder: boolean }) {
  const t = useT<DriveKey>();
  return (
    <section className="mt-share__roles" aria-label={t('drive.share.roles')}>
      <dl>
        <dt>{t(ROLE_LABELS.write)}</dt>
        <dd>{t('drive.share.explain.write')}</dd>
        <dt>{t(ROLE_LABELS.read)}</dt>
        <dd>{t('drive.share.explain.read')}</dd>
        {folder && (
          <>
            <dt>{t(ROLE_LABELS.drop)}</dt>
            <dd>{t('drive.share.explain.drop')}</dd>
          </>
        )}
      </dl>
      <p className="mt-share__hint">{t('drive.share.withSpace')}</p>
    </section>
  );
}
