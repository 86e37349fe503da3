import { defineApp } from '@mytoutatice/app-kit';

export const { bootstrap, mount, unmount } = defineApp({
  name: 'La barre de navigation',
  load: () => import('./navbar.tsx').then((m) => m.Navbar),
});
