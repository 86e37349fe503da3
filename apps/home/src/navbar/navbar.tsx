import { useState } from 'react';
import { Link } from '@mytoutatice/app-kit';
import { useMe } from '@mytoutatice/sdk/react';
import type { ShellProps } from '@mytoutatice/sdk/react';
import { Button, useT } from '@mytoutatice/ui';

/** The bar above every app: back to the Home, who is signed in, sign out (here and at the ENT). */
export function Navbar({ signOut }: ShellProps) {
  const t = useT();
  const me = useMe();
  const [leaving, setLeaving] = useState(false);
  return (
    <nav className="mt-navbar" aria-label="MyToutatice">
      <Link href="/" className="mt-navbar__brand">
        MyToutatice
      </Link>
      <span className="mt-navbar__user">{me.data?.user.name}</span>
      <Button
        variant="ghost"
        disabled={leaving}
        onClick={() => {
          setLeaving(true);
          void signOut();
        }}
      >
        {t('action.logout')}
      </Button>
    </nav>
  );
}
