import './styles.css';
import { defineApp } from '@mytoutatice/app-kit';
import { messages } from './messages.ts';

export const { bootstrap, mount, unmount } = defineApp({
  name: 'Notes',
  messages,
  load: () => import('./notes-root.tsx').then((m) => m.NotesRoot),
});
