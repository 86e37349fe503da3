import type { HomeKey } from './messages.ts';
import { lazy, Suspense, useEffect } from 'react';
import { navigate, usePathname } from '@mytoutatice/app-kit';
import { useMe } from '@mytoutatice/sdk/react';
import type { ShellProps } from '@mytoutatice/sdk/react';
import { ErrorPanel, errorText, Loading, useT } from '@mytoutatice/ui';
import { SETTINGS_ROUTE } from '../home-routes.ts';
import { HomePage } from './home-page.tsx';
import { Onboarding } from './onboarding/onboarding.tsx';

// Its own chunk: the Home's entry stays within the shell's budget.
const SettingsPage = lazy(() => import('./settings/settings-page.tsx').then((m) => ({ default: m.SettingsPage })));

/** `/` shows the Home, `/settings` the settings; until the person has a space, every route shows the onboarding. */
export function HomeRoot(props: ShellProps) {
  const t = useT<HomeKey>();
  const me = useMe();
  const pathname = usePathname();
  const hasSpace = Boolean(me.data?.space);

  useEffect(() => {
    if (hasSpace && pathname === '/onboarding') navigate('/');
  }, [hasSpace, pathname]);

  // Offline, `me` cannot be read: the apps are in the page and the name in this tab's session.
  if (!me.data && (me.error?.status === 0 || !navigator.onLine)) return <HomePage apps={props.apps} userName={props.user.name} />;
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorPanel title={t('home.loadError')} detail={errorText(t, me.error)} onRetry={() => void me.refetch()} />;
  if (!me.data.space) {
    return (
      <Onboarding
        me={me.data}
        onCreated={() => {
          props.onSpaceCreated();
          navigate('/');
        }}
      />
    );
  }
  if (pathname === SETTINGS_ROUTE) {
    return (
      <Suspense fallback={<Loading />}>
        <SettingsPage slug={me.data.space.slug} />
      </Suspense>
    );
  }
  return <HomePage apps={props.apps} userName={me.data.user.name} />;
}
