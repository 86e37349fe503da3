import './styles.css';
import { defineApp } from '@mytoutatice/app-kit';
import { messages } from './messages.ts';

export const { bootstrap, mount, unmount } = defineApp({
  name: 'Drive',
  messages,
  load: () => import('./drive-root.tsx').then((m) => m.DriveRoot),
});
