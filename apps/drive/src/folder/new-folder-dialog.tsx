import { useState } from 'react';
import { checkName } from '@mytoutatice/sdk';
import { useCreateFolder } from '@mytoutatice/sdk/react';
import { Button, Dialog, errorText, TextField, useT } from '@mytoutatice/ui';
import type { DriveKey } from '../messages.ts';

/** « Nouveau dossier »: a name checked with the server's own rule before sending. */
export function NewFolderDialog({ parentId }: { parentId: string }) {
  const t = useT<DriveKey>();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const create = useCreateFolder(parentId);

  function close() {
    setOpen(false);
    setName('');
    setError(null);
    create.reset();
  }

  function submit() {
    const check = checkName(name);
    if (!check.ok) {
      setError(check.reason);
      return;
    }
    create.mutate(check.name, {
      onSuccess: close,
      onError: (err) =>
        setError(err.code === 'name_conflict' && err.suggestedName ? t('drive.nameConflict', { name: err.suggestedName }) : errorText(t, err)),
    });
  }

  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        {t('action.newFolder')}
      </Button>
      <Dialog
        open={open}
        onClose={close}
        title={t('action.newFolder')}
        onSubmit={submit}
        actions={
          <>
            <Button variant="secondary" onClick={close}>
              {t('action.cancel')}
            </Button>
            <Button type="submit" variant="primary" disabled={create.isPending}>
              {t('action.create')}
            </Button>
          </>
        }
      >
        <TextField label={t('drive.newFolder.label')} value={name} error={error} onChange={(e) => setName(e.target.value)} />
      </Dialog>
    </>
  );
}
