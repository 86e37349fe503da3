import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolation, noteText, openAsReader, SMALL_PNG as PNG, startNote } from './journey.ts';

/** The images of the note, shown once their bytes are read (an object URL, the bearer token having fetched them). */
const shownImages = (page: Page) => noteText(page).locator('img[src^="blob:"]');

/** Drops (or pastes) a PNG made in the page onto the editor, as a file from the desktop or a screenshot would come. */
async function bring(page: Page, how: 'drop' | 'paste', name: string) {
  await noteText(page).evaluate(
    (editor, { how, name, bytes }) => {
      const data = new DataTransfer();
      data.items.add(new File([new Uint8Array(bytes)], name, { type: 'image/png' }));
      const box = editor.getBoundingClientRect();
      const event =
        how === 'drop'
          ? new DragEvent('drop', { dataTransfer: data, clientX: box.left + 10, clientY: box.top + 10, bubbles: true, cancelable: true })
          : new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
      editor.dispatchEvent(event);
    },
    { how, name, bytes: [...PNG] },
  );
}

test.describe('Notes: images', () => {
  test('an image chosen, dropped or pasted shows in the note and to a reader through a sharing; a too large or non-image file is refused in French', async ({ browser }) => {
    const ownerContext = await browser.newContext();
    const readerContext = await browser.newContext();
    const owner = await ownerContext.newPage();
    const reader = await readerContext.newPage();
    const { id: noteId, text } = await startNote(owner, 'enseignant');
    await owner.keyboard.type('Plan de la sortie ');

    // « Insérer une image », for the keyboard and phones: a file input behind the toolbar's button.
    await expect(owner.getByRole('button', { name: 'Insérer une image' })).toBeVisible();
    await owner.locator('.mt-note-toolbar input[type="file"]').setInputFiles({ name: 'Plan du musée.png', mimeType: 'image/png', buffer: PNG });
    await expect(shownImages(owner)).toHaveCount(1);
    await expect(shownImages(owner).first()).toHaveAttribute('alt', 'Plan du musée');
    await bring(owner, 'drop', 'Déposée.png');
    await expect(shownImages(owner)).toHaveCount(2);
    await bring(owner, 'paste', 'image.png');
    await expect(shownImages(owner)).toHaveCount(3);
    await expect.poll(() => shownImages(owner).evaluateAll((images) => images.map((image) => (image as HTMLImageElement).naturalWidth))).toEqual([4, 4, 4]);
    await expect(owner.getByRole('status').filter({ hasText: 'Enregistré' })).toBeVisible();
    await expectNoAxeViolation(owner);

    // Refused: nothing inserted, a French sentence says why.
    const picker = owner.locator('.mt-note-toolbar input[type="file"]');
    await picker.setInputFiles({ name: 'Énorme.png', mimeType: 'image/png', buffer: Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024)]) });
    await expect(owner.getByRole('alert').getByText('Image « Énorme.png » non ajoutée : Cette image est trop lourde : 10 Mo au plus.')).toBeVisible();
    await picker.setInputFiles({ name: 'faux.png', mimeType: 'image/png', buffer: Buffer.from('Ceci n’est pas une image.') });
    await expect(owner.getByRole('alert').getByText('Image « faux.png » non ajoutée : Ce type de fichier n’est pas accepté.')).toBeVisible();
    // ProseMirror's own `img.ProseMirror-separator` keeps the caret beside inline images: not ours.
    await expect(text.locator('img:not(.ProseMirror-separator)')).toHaveCount(3);

    // A reader through a sharing: the images are fetched through the sharing, and none can be added.
    await openAsReader(owner, reader, noteId, 'eleve');
    await expect(reader.getByText('Lecture seule')).toBeVisible();
    await expect(shownImages(reader)).toHaveCount(3);
    await expect.poll(() => shownImages(reader).evaluateAll((images) => images.map((image) => (image as HTMLImageElement).naturalWidth))).toEqual([4, 4, 4]);
    await expect(reader.getByRole('button', { name: 'Insérer une image' })).toHaveCount(0);
    await bring(reader, 'drop', 'Intruse.png');
    await expect(noteText(reader).locator('img:not(.ProseMirror-separator)')).toHaveCount(3);
    await expectNoAxeViolation(reader);
    await ownerContext.close();
    await readerContext.close();
  });
});
