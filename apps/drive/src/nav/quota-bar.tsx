import { Link } from '@mytoutatice/app-kit';
import { useUsage } from '@mytoutatice/sdk/react';
import { formatBytes, ProgressBar, useLocale, useT } from '@mytoutatice/ui';
import type { DriveKey } from '../messages.ts';
import { viewPaths } from '../routes.ts';

/** How full the space is, split into files, trash and versions, with the way to free room. */
export function QuotaBar() {
  const t = useT<DriveKey>();
  const locale = useLocale();
  const usage = useUsage();
  if (!usage.data) return null;
  const { quotaBytes, usedBytes, usage: parts } = usage.data;
  const bytes = (n: number) => formatBytes(n, locale);
  return (
    <section className="mt-quota" aria-labelledby="mt-quota-title">
      <h2 id="mt-quota-title" className="mt-quota__title">
        {t('drive.quota.title')}
      </h2>
      <ProgressBar label={t('drive.quota.used', { used: bytes(usedBytes), quota: bytes(quotaBytes) })} value={usedBytes} max={Math.max(quotaBytes, 1)} />
      <dl className="mt-quota__parts">
        <dt>{t('drive.quota.files')}</dt>
        <dd>{bytes(parts.files)}</dd>
        <dt>{t('nav.trash')}</dt>
        <dd>{bytes(parts.trash)}</dd>
        <dt>{t('drive.quota.versions')}</dt>
        <dd>{bytes(parts.versions)}</dd>
      </dl>
      {parts.trash > 0 ? <Link href={viewPaths.trash}>{t('drive.quota.free')}</Link> : null}
    </section>
  );
}
