export { connectNote } from './connect-note.ts';
export type { NoteEnd } from './connect-note.ts';
export { LiveNote } from './live-note.tsx';
export { noteApiBase } from './note-socket-url.ts';
export { withImageView } from './image-view.ts';
export type { ImageLoader, ImageViewTexts } from './image-view.ts';
