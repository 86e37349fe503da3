const NOTES = '/notes';
const SHARED_PREFIX = '/notes/partages/';

/** The Notes screens, each at its own address (a link, Back, a reload open it again). */
export type NotesView =
  | { kind: 'list' }
  /** A note; `sharingId` when it was received through a sharing (its calls and socket go through it). */
  | { kind: 'note'; id: string; sharingId: string | null };

export function viewFromPath(pathname: string): NotesView {
  const path = pathname.replace(/\/+$/, '');
  if (path.startsWith(SHARED_PREFIX)) {
    const [sharingId = '', id = ''] = path.slice(SHARED_PREFIX.length).split('/').map(decodeURIComponent);
    return sharingId !== '' && id !== '' ? { kind: 'note', id, sharingId } : { kind: 'list' };
  }
  const id = path.startsWith(`${NOTES}/`) ? decodeURIComponent(path.slice(NOTES.length + 1).split('/')[0] ?? '') : '';
  return id === '' ? { kind: 'list' } : { kind: 'note', id, sharingId: null };
}

export const listPath = NOTES;

export { notePagePath as notePath } from '@mytoutatice/sdk';
