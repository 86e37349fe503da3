import { NOTE_EXTENSION } from '@mytoutatice/sdk';

export const NOTE_SUFFIX = NOTE_EXTENSION;

/** A note's title from a Markdown file's name: « Compte rendu.md » → « Compte rendu ». */
export function titleFromFileName(name: string): string {
  return name.replace(/\.(md|markdown|txt)$/i, '').trim();
}

/** Where a note is, from its path: `/Notes/Cours/a.md` → « Notes › Cours »; null at the top. */
export function locationOf(path: string): string | null {
  const folders = path.split('/').slice(1, -1);
  return folders.length === 0 ? null : folders.join(' › ');
}
