import type { NoteItem } from '@mytoutatice/contract';
import { checkName } from '@mytoutatice/sdk';
import { Button, Dialog, TextField, useT } from '@mytoutatice/ui';
import { useState } from 'react';
import type { NotesKey } from '../messages.ts';

/** « Renommer »: the title without `.md`; the storage's refusal (a name taken…) is shown under the field. */
export function RenameNoteDialog({ note, onRename, onClose }: {
  note: NoteItem;
  onRename: (title: string) => Promise<string | null>;
  onClose: () => void;
}) {
  const t = useT<NotesKey>();
  const [title, setTitle] = useState(note.title);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const check = checkName(title);
    if (!check.ok) return setError(check.reason);
    if (check.name === note.title) return onClose();
    setBusy(true);
    const refusal = await onRename(check.name);
    setBusy(false);
    if (refusal === null) onClose();
    else setError(refusal);
  };

  return (
    <Dialog
      open
      size="sm"
      title={t('notes.rename.title')}
      onClose={onClose}
      onSubmit={() => void submit()}
      actions={
        <>
          <Button type="button" onClick={onClose}>
            {t('action.cancel')}
          </Button>
          <Button type="submit" variant="primary" disabled={busy}>
            {t('action.rename')}
          </Button>
        </>
      }
    >
      <TextField label={t('notes.rename.label')} value={title} error={error} onChange={(event) => setTitle(event.target.value)} />
    </Dialog>
  );
}
