import { createNoteRoute, listNotesRoute } from '@mytoutatice/contract';
import type { CreateNoteBody, NoteItem, NoteList } from '@mytoutatice/contract';
import type { CallOptions, PageOptions, Transport } from './transport.ts';

export type NotesResource = {
  /** « Notes récentes », newest change first; with `q`, those whose title or text holds it. */
  list(options?: PageOptions & { q?: string | undefined }): Promise<NoteList>;
  /** « Ajouter une note » (empty), or an import (`markdown`); in « Notes » unless `parentId` says where. */
  create(body?: CreateNoteBody, options?: CallOptions): Promise<NoteItem>;
};

export function createNotes(transport: Transport): NotesResource {
  return {
    list: ({ q, cursor, limit, signal } = {}) =>
      // Blank words list every note, as no words do.
      transport.call(listNotesRoute, { query: { q: q?.trim() || undefined, cursor: cursor ?? undefined, limit } }, { signal }),
    create: (body = {}, { signal } = {}) => transport.call(createNoteRoute, { body }, { signal }),
  };
}
