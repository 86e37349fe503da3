import type { FileDoc } from '@mytoutatice/contract';

/** The previews that move on to the next file skip folders: only files are opened. */
export function neighbours<T extends Pick<FileDoc, 'id' | 'type'>>(items: readonly T[], id: string): { previous?: T; next?: T } {
  const files = items.filter((item) => item.type === 'file');
  const at = files.findIndex((item) => item.id === id);
  if (at === -1) return {};
  return { previous: files[at - 1], next: files[at + 1] };
}
