import './styles.css';
import { defineApp } from '@mytoutatice/app-kit';
import { messages } from './messages.ts';

export const { bootstrap, mount, unmount } = defineApp({
  name: 'Store',
  messages,
  load: () => import('./store-root.tsx').then((m) => m.StoreRoot),
});
