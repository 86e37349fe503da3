import { defineApp } from '@mytoutatice/app-kit';
import { navbarMessages } from './navbar-messages.ts';

export const { bootstrap, mount, unmount } = defineApp({
  name: 'La barre de navigation',
  messages: navbarMessages,
  load: () => import('./navbar.tsx').then((m) => m.Navbar),
});
