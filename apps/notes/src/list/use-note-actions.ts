import type { NoteItem } from '@mytoutatice/contract';
import { useRenameOrMove, useRestore, useTrash } from '@mytoutatice/sdk/react';
import { errorText, useT, useToast } from '@mytoutatice/ui';
import type { NotesKey } from '../messages.ts';
import { NOTE_EXTENSION } from '@mytoutatice/sdk';

/** « Renommer » and « Supprimer » on a note: Drive calls on its Markdown file, told in a toast. */
export function useNoteActions() {
  const t = useT<NotesKey>();
  const toast = useToast();
  const update = useRenameOrMove();
  const trash = useTrash();
  const restore = useRestore();
  const fail = (error: unknown) => void toast.error(errorText(t, error));

  return {
    /** Resolves with the refusal's sentence (shown in the dialog), or null once renamed. */
    rename: async (note: NoteItem, title: string): Promise<string | null> => {
      try {
        await update.mutateAsync({ file: note.file, patch: { name: `${title}${NOTE_EXTENSION}` } });
        return null;
      } catch (error) {
        return errorText(t, error);
      }
    },
    /** To the trash, with the Drive's « Annuler » bringing it back. */
    trash: async (note: NoteItem) => {
      try {
        await trash.mutateAsync(note.file);
      } catch (error) {
        return fail(error);
      }
      toast.show({
        message: t('notes.trashed', { name: note.title }),
        tone: 'success',
        action: {
          label: t('action.cancel'),
          onClick: () =>
            void restore.mutateAsync(note.file.id).then(() => toast.success(t('notes.restored', { name: note.title })), fail),
        },
      });
    },
  };
}
