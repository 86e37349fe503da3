export { connectNote } from './connect-note.ts';
export type { NoteEnd, NoteSocketOptions } from './connect-note.ts';
export { LiveNote } from './live-note.tsx';
export type { LiveNoteProps } from './live-note.tsx';
export { authenticatedSocket, noteApiBase, noteSocketUrl } from './note-socket-url.ts';
export type { NotePlace } from './note-socket-url.ts';
export { imageView, withImageView } from './image-view.ts';
export type { ImageLoader, ImageViewTexts } from './image-view.ts';
