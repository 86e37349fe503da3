import { useState } from 'react';
import { Link, navigate } from '@mytoutatice/app-kit';
import { useMe } from '@mytoutatice/sdk/react';
import type { ShellProps } from '@mytoutatice/sdk/react';
import { MenuButton, useT } from '@mytoutatice/ui';
import type { MenuItem } from '@mytoutatice/ui';
import { SETTINGS_ROUTE } from '../home-routes.ts';
import type { NavbarKey } from './navbar-messages.ts';
import { NotificationsButton } from './notifications-button.tsx';

/** The bar above every app: back to the Home, the notifications, and the person's menu: settings, sign out (here and at the ENT). */
export function Navbar({ signOut, user }: ShellProps) {
  const t = useT<NavbarKey>();
  const me = useMe();
  const [leaving, setLeaving] = useState(false);
  const items: MenuItem[] = [
    ...(me.data?.space ? [{ id: 'settings', label: t('navbar.settings'), onSelect: () => navigate(SETTINGS_ROUTE) }] : []),
    {
      id: 'logout',
      label: t('action.logout'),
      disabled: leaving,
      onSelect: () => {
        setLeaving(true);
        void signOut();
      },
    },
  ];
  return (
    <nav className="mt-navbar" aria-label="MyToutatice">
      <Link href="/" className="mt-navbar__brand">
        MyToutatice
      </Link>
      {me.data?.space ? <NotificationsButton /> : null}
      <MenuButton className="mt-navbar__menu" variant="ghost" align="end" label={me.data?.user.name ?? (user.name || t('navbar.account'))} items={items} />
    </nav>
  );
}
