import type { DriveKey } from '../messages.ts';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { checkName } from '@mytoutatice/sdk';
import { useCreateFolder } from '@mytoutatice/sdk/react';
import { Button, Dialog, useT } from '@mytoutatice/ui';

/** « Nouveau dossier »: a name checked with the server's own rule before sending. */
export function NewFolderDialog({ parentId }: { parentId: string }) {
  const t = useT<DriveKey>();
  const id = useId();
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

  function submit(event: FormEvent) {
    event.preventDefault();
    const check = checkName(name);
    if (!check.ok) {
      setError(check.reason);
      return;
    }
    create.mutate(check.name, {
      onSuccess: close,
      onError: (err) =>
        setError(err.code === 'name_conflict' && err.suggestedName ? t('drive.newFolder.conflict', { name: err.suggestedName }) : err.message),
    });
  }

  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        {t('action.newFolder')}
      </Button>
      <Dialog open={open} onClose={close} title={t('action.newFolder')}>
        <form onSubmit={submit} noValidate>
          <label htmlFor={`${id}-name`}>{t('drive.newFolder.label')}</label>
          <input
            id={`${id}-name`}
            className="mt-input"
            value={name}
            autoFocus
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(e) => setName(e.target.value)}
          />
          {error && (
            <p id={`${id}-error`} className="mt-field-error" role="alert">
              {error}
            </p>
          )}
          <div className="mt-actions">
            <Button type="button" variant="secondary" onClick={close}>
              {t('action.cancel')}
            </Button>
            <Button type="submit" variant="primary" disabled={create.isPending}>
              {t('action.create')}
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
