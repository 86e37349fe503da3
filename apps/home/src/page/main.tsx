import { defineApp } from '@mytoutatice/app-kit';
import { messages } from './messages.ts';

export const { bootstrap, mount, unmount } = defineApp({
  name: 'Accueil',
  messages,
  load: () => import('./home-root.tsx').then((m) => m.HomeRoot),
});
