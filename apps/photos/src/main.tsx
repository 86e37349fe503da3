import { defineApp } from '@mytoutatice/app-kit';
import { messages } from './messages.ts';

export const { bootstrap, mount, unmount } = defineApp({
  name: 'Photos',
  messages,
  load: () => import('./photos-root.tsx').then((m) => m.PhotosRoot),
});
