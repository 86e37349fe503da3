import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { signInWithSpace } from './journey.ts';

test.describe('Drive', () => {
  test('create a folder, upload by button and by drag and drop, download byte-identical, find it after a reload', async ({ page }, info) => {
    // A retry finds the first attempt's folder: it works in a fresh one.
    const folder = info.retry === 0 ? 'Cours de français' : `Cours de français ${info.retry}`;
    await signInWithSpace(page, 'eleve');
    await page.goto('/drive');
    await expect(page.getByRole('heading', { level: 1, name: 'Drive' })).toBeVisible();

    await page.getByRole('button', { name: 'Nouveau dossier' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nouveau dossier' });
    await dialog.getByLabel('Nom du dossier').fill(folder);
    await dialog.getByRole('button', { name: 'Créer' }).click();
    await expect(dialog).toBeHidden();
    await page.getByRole('link', { name: folder }).click();
    await expect(page).toHaveURL(/\/drive\/dossier\/[^/]+$/);
    await expect(page.getByRole('heading', { level: 1, name: folder })).toBeVisible();
    await expect(page.getByText('Ce dossier est vide')).toBeVisible();

    const content = randomBytes(300_000);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Importer des fichiers' }).click();
    await (await chooser).setFiles({ name: 'Rédaction été 🌞.bin', mimeType: 'application/octet-stream', buffer: content });
    await expect(page.getByText('Importé')).toBeVisible();
    await expect(page.getByRole('rowheader', { name: /Rédaction été 🌞\.bin/ })).toBeVisible();

    // Drag and drop, as a file manager does it: a drop event carrying files.
    const dropped = await page.evaluateHandle(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['Bonjour la classe !\n'], 'consignes.txt', { type: 'text/plain' }));
      return transfer;
    });
    const zone = page.getByRole('region', { name: folder });
    await zone.dispatchEvent('dragover', { dataTransfer: dropped });
    await zone.dispatchEvent('drop', { dataTransfer: dropped });
    await expect(page.getByRole('rowheader', { name: /consignes\.txt/ })).toBeVisible();

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Plus d’actions pour « Rédaction été 🌞.bin »' }).click();
    await page.getByRole('menuitem', { name: 'Télécharger' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('Rédaction été 🌞.bin');
    expect((await readFile(await file.path())).equals(content)).toBe(true);

    await page.reload();
    await expect(page.getByRole('rowheader', { name: /Rédaction été 🌞\.bin/ })).toBeVisible();
    await expect(page.getByRole('rowheader', { name: /consignes\.txt/ })).toBeVisible();
    await page.getByRole('navigation', { name: 'Fil d’Ariane' }).getByRole('link', { name: 'Drive' }).click();
    await expect(page.getByRole('link', { name: folder })).toBeVisible();
  });

  test('a folder name already taken is explained, with a free name proposed', async ({ page }) => {
    await signInWithSpace(page, 'eleve');
    await page.goto('/drive');
    await page.getByRole('button', { name: 'Nouveau dossier' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nouveau dossier' });
    await dialog.getByLabel('Nom du dossier').fill('Cours de français');
    await dialog.getByRole('button', { name: 'Créer' }).click();
    await expect(dialog.getByText('Proposition : « Cours de français (2) »')).toBeVisible();
    await dialog.getByLabel('Nom du dossier').fill('a/b');
    await dialog.getByRole('button', { name: 'Créer' }).click();
    await expect(dialog.getByText(/caractère interdit/)).toBeVisible();
    await expect(dialog.getByLabel('Nom du dossier')).toHaveAttribute('aria-invalid', 'true');
  });
});
