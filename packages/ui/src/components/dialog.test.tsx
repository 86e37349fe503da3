// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Button } from './button.tsx';
import { Dialog } from './dialog.tsx';
import { TextField } from './text-field.tsx';

beforeAll(() => {
  // jsdom has <dialog> but not its modal methods.
  HTMLDialogElement.prototype.showModal ??= function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close ??= function close(this: HTMLDialogElement) {
    this.removeAttribute('open');
    this.dispatchEvent(new Event('close'));
  };
});
afterEach(cleanup);

function NewFolder() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>Nouveau dossier</Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title="Nouveau dossier"
        onSubmit={() => setOpen(false)}
        actions={<Button type="submit">Créer</Button>}
      >
        <TextField label="Nom du dossier" name="name" />
      </Dialog>
    </>
  );
}

describe(Dialog.name, () => {
  it('is a modal labelled by its title, with focus on its first field', async () => {
    const user = userEvent.setup();
    render(<NewFolder />);
    await user.click(screen.getByRole('button', { name: 'Nouveau dossier' }));
    const dialog = screen.getByRole('dialog', { name: 'Nouveau dossier' });
    expect(dialog.hasAttribute('open')).toBe(true);
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Nom du dossier' }));
  });

  it('closes on Escape and gives focus back to the opener', async () => {
    const user = userEvent.setup();
    render(<NewFolder />);
    const opener = screen.getByRole('button', { name: 'Nouveau dossier' });
    await user.click(opener);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('closes with its « Fermer » button, and submits as a form on Enter', async () => {
    const user = userEvent.setup();
    render(<NewFolder />);
    const opener = screen.getByRole('button', { name: 'Nouveau dossier' });
    await user.click(opener);
    await user.click(screen.getByRole('button', { name: 'Fermer' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);

    await user.click(opener);
    await user.type(screen.getByRole('textbox', { name: 'Nom du dossier' }), 'Cours{Enter}');
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
