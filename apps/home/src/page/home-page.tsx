import type { InstalledApp } from '@mytoutatice/contract';
import type { HomeKey } from './messages.ts';
import { followInPlace, Link } from '@mytoutatice/app-kit';
import { AppIcon, EmptyState, PageLayout, useT } from '@mytoutatice/ui';

/** The Home of the seed: the installed apps as a grid, the connectors, the way to the Store. */
export function HomePage({ apps, userName }: { apps: InstalledApp[]; userName: string }) {
  const t = useT<HomeKey>();
  const listed = apps.filter((app) => app.listed);
  return (
    <PageLayout title={t('home.welcome', { name: userName })}>
      <section aria-labelledby="mt-home-apps" className="mt-home-section">
        <h2 id="mt-home-apps">{t('home.apps')}</h2>
        <ul className="mt-app-grid">
          {listed.map((app) => (
            <li key={app.slug}>
              <AppIcon name={app.name} iconUrl={app.iconUrl} href={app.route} onClick={(event) => followInPlace(event, app.route)} />
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="mt-home-connectors" className="mt-home-section">
        <h2 id="mt-home-connectors">{t('home.connectors')}</h2>
        <EmptyState
          title={t('home.connectors.empty.title')}
          text={t('home.connectors.empty.text')}
          action={<Link href="/store" className="mt-button mt-button--secondary">{t('home.connectors.add')}</Link>}
        />
      </section>
      <p>
        <Link href="/store">{t('home.store.link')}</Link>
      </p>
    </PageLayout>
  );
}
