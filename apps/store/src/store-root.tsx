import type { StoreKey } from './messages.ts';
import { Link } from '@mytoutatice/app-kit';
import { useApps } from '@mytoutatice/sdk/react';
import { EmptyState, ErrorPanel, Loading, PageLayout, useT } from '@mytoutatice/ui';

/** The Store's first screen: the apps of the space, then the connectors (none published yet). */
export function StoreRoot() {
  const t = useT<StoreKey>();
  const apps = useApps();
  return (
    <PageLayout title={t('store.title')}>
      <section aria-labelledby="mt-store-apps">
        <h2 id="mt-store-apps">{t('store.apps')}</h2>
        {apps.isPending ? (
          <Loading />
        ) : apps.isError ? (
          <ErrorPanel title={t('store.loadError')} detail={apps.error.message} onRetry={() => void apps.refetch()} />
        ) : (
          <ul className="mt-store-list">
            {apps.data.map((app) => (
              <li key={app.slug} className="mt-store-card">
                <img src={app.iconUrl} alt="" width={48} height={48} />
                <div>
                  <h3>{app.name}</h3>
                  <p>
                    {t('store.installed')} · v{app.version}
                  </p>
                </div>
                <Link href={app.route} aria-label={t('store.open', { name: app.name })}>
                  {t('store.openShort')}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="mt-store-connectors">
        <h2 id="mt-store-connectors">{t('store.connectors')}</h2>
        <EmptyState title={t('store.connectors.empty.title')} text={t('store.connectors.empty.text')} />
      </section>
    </PageLayout>
  );
}
