import { defineApp } from '@mytoutatice/app-kit';
import { messages } from './messages.ts';

export const { bootstrap, mount, unmount } = defineApp({
  name: 'Contacts',
  messages,
  load: () => import('./contacts-root.tsx').then((m) => m.ContactsRoot),
});
