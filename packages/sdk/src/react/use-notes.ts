import type { CreateNoteBody, NoteItem, NoteList } from '@mytoutatice/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import type { ApiError } from '../api-error.ts';
import { useClient } from './provider.tsx';
import { queryKeys } from './query-keys.ts';
import { usePaged } from './use-paged.ts';
import { elsewhere, invalidate } from './use-files.ts';

/**
 * « Notes récentes », newest change first, or those whose title or text holds `q`. Kept live like
 * the Drive's lists: any file change refreshes it (`connectRealtimeToQueryClient`).
 */
export function useNotes(q = '') {
  const { notes } = useClient();
  const words = q.trim();
  return usePaged<NoteList>(queryKeys.noteList(words), (cursor, signal) => notes.list({ q: words, cursor, signal }));
}

/** A new note shows in every list of notes, its folder (« Notes ») and the Drive's lists. */
export function refreshAfterNoteCreated(queryClient: QueryClient, note: NoteItem) {
  return invalidate(queryClient, [...(note.file.parentId === null ? [] : [queryKeys.folder(note.file.parentId)]), ...elsewhere()]);
}

/** `mutateAsync(body?)` → the new note: « Ajouter une note » or « Importer un fichier Markdown ». */
export function useCreateNote() {
  const { notes } = useClient();
  const queryClient = useQueryClient();
  return useMutation<NoteItem, ApiError, CreateNoteBody | undefined>({
    mutationFn: (body) => notes.create(body),
    onSuccess: (note) => refreshAfterNoteCreated(queryClient, note),
  });
}
