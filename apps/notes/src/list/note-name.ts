export { titleFromFileName } from '@mytoutatice/sdk';

/** Where a note is, from its path: `/Notes/Cours/a.md` → « Notes › Cours »; null at the top. */
export function locationOf(path: string): string | null {
  const folders = path.split('/').slice(1, -1);
  return folders.length === 0 ? null : folders.join(' › ');
}
