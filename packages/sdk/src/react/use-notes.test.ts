import { QueryClient } from '@tanstack/react-query';
import type { QueryKey } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { NoteItem } from '@mytoutatice/contract';
import { queryKeys } from './query-keys.ts';
import { refreshAfterNoteCreated } from './use-notes.ts';

describe(refreshAfterNoteCreated.name, () => {
  it('marks stale every list of notes (searched or not), the « Notes » folder and the Drive’s lists, nothing else', async () => {
    const queryClient = new QueryClient();
    const keys: Record<string, QueryKey> = {
      notes: queryKeys.noteList(''),
      notesSearched: queryKeys.noteList('musée'),
      notesFolder: queryKeys.folderListing('notes-folder', 'name', 'asc'),
      otherFolder: queryKeys.folderListing('b', 'name', 'asc'),
      recent: queryKeys.recent(),
      search: queryKeys.search('musée'),
      me: queryKeys.me(),
      sharedNotes: queryKeys.sharing('S1').noteList(''),
    };
    for (const key of Object.values(keys)) queryClient.setQueryData(key, {});
    const note = { file: { id: 'n1', parentId: 'notes-folder' }, title: 'Sortie', excerpt: '' } as NoteItem;
    await refreshAfterNoteCreated(queryClient, note);
    const stale = Object.entries(keys)
      .filter(([, key]) => queryClient.getQueryState(key)?.isInvalidated)
      .map(([name]) => name)
      .sort();
    expect(stale).toEqual(['notes', 'notesFolder', 'notesSearched', 'recent', 'search']);
  });
});
