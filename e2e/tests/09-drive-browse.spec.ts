import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { accessToken, expectNoAxeViolation, signInWithSpace } from './journey.ts';

/**
 * A folder of its own for each run (`Parcours <id>`), made through the API: « Archives », and
 * three small files.
 */
async function seedFolder(page: Page): Promise<string> {
  const name = `Parcours ${Date.now().toString(36)}`;
  const headers = { authorization: `Bearer ${await accessToken(page)}` };
  const folder = async (parentId: string, folderName: string) => {
    const res = await page.request.post(`/api/files/${parentId}/folders`, { headers, data: { name: folderName } });
    expect(res.status()).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };
  const file = async (parentId: string, fileName: string, text: string) => {
    const body = Buffer.from(text);
    const digest = `sha-256=:${createHash('sha256').update(body).digest('base64')}:`;
    const res = await page.request.post(`/api/files/${parentId}/files?name=${encodeURIComponent(fileName)}`, {
      headers: { ...headers, 'content-type': 'text/plain', 'content-digest': digest },
      data: body,
    });
    expect(res.status()).toBe(201);
  };
  const id = await folder('root', name);
  await folder(id, 'Archives');
  await file(id, 'Élève été.txt', 'Bonjour\n');
  await file(id, 'notes.txt', 'Notes du jour\n');
  await file(id, 'brouillon.txt', 'À reprendre\n');
  return name;
}

const row = (page: Page, name: string) => page.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });

/** A click on the row (its date), away from the name's link and the menu. */
const clickRow = (page: Page, name: string, modifiers: ('ControlOrMeta' | 'Shift')[] = []) =>
  row(page, name).locator('td').nth(1).click({ modifiers });

async function itemMenu(page: Page, name: string, action: string) {
  await page.getByRole('button', { name: `Plus d’actions pour « ${name} »` }).click();
  await page.getByRole('menuitem', { name: action }).click();
}

test.describe('Drive: browsing and actions', () => {
  test('rename with a conflict, move, trash and restore, search, zip of a selection, by mouse and keyboard', async ({ page }) => {
    // One long journey (with three axe passes) on a machine shared with other runs.
    test.setTimeout(180_000);
    await signInWithSpace(page, 'agent');
    const folder = await seedFolder(page);
    await page.goto('/drive');
    await page.getByRole('link', { name: folder }).click();
    await expect(page.getByRole('heading', { level: 1, name: folder })).toBeVisible();
    await expectNoAxeViolation(page);

    // Sort by size from the column header: the URL keeps it, the header says it.
    await page.getByRole('columnheader', { name: 'Taille' }).getByRole('button').click();
    await expect(page).toHaveURL(/tri=size&ordre=desc/);
    await expect(page.getByRole('columnheader', { name: 'Taille' })).toHaveAttribute('aria-sort', 'descending');
    await expect(page.getByRole('rowheader').nth(1)).toHaveText('notes.txt');
    await page.getByRole('columnheader', { name: 'Nom' }).getByRole('button').click();
    await expect(page.getByRole('columnheader', { name: 'Nom' })).toHaveAttribute('aria-sort', 'ascending');

    // Rename in place: a name already taken is explained with the free name the storage proposes.
    await itemMenu(page, 'brouillon.txt', 'Renommer');
    const field = page.getByRole('textbox', { name: 'Nouveau nom de « brouillon.txt »' });
    await field.fill('notes.txt');
    await field.press('Enter');
    await expect(page.getByRole('alert').filter({ hasText: 'Proposition : « notes (2).txt »' })).toBeVisible();
    await field.fill('brouillon final.txt');
    await field.press('Enter');
    await expect(page.getByRole('rowheader', { name: 'brouillon final.txt' })).toBeVisible();

    // Right-click opens the same menu (a real one: arrows move, Escape closes).
    await row(page, 'notes.txt').locator('td').nth(1).click({ button: 'right' });
    const menu = page.getByRole('menu');
    await expect(menu.getByRole('menuitem', { name: 'Ajouter aux favoris' })).toBeVisible();
    await expect(menu.getByRole('menuitem', { name: 'Partager' })).not.toHaveAttribute('aria-disabled');
    await expect(menu.getByRole('menuitem', { name: 'Ouvrir' })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(menu.getByRole('menuitem', { name: 'Télécharger' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();

    // « Déplacer vers… »: a folder cannot go into itself; a file goes into « Archives ».
    await itemMenu(page, 'Archives', 'Déplacer vers…');
    let picker = page.getByRole('dialog', { name: 'Déplacer vers…' });
    await expect(picker.getByRole('button', { name: 'Archives' })).toBeDisabled();
    await picker.getByRole('button', { name: 'Annuler' }).click();
    await itemMenu(page, 'notes.txt', 'Déplacer vers…');
    picker = page.getByRole('dialog', { name: 'Déplacer vers…' });
    await picker.getByRole('button', { name: 'Archives' }).click();
    await picker.getByRole('button', { name: 'Déplacer ici' }).click();
    await expect(picker).toBeHidden();
    await expect(page.getByRole('rowheader', { name: 'notes.txt' })).toHaveCount(0);

    // Keyboard: arrows move and select, shift extends, Escape clears, Delete trashes with « Annuler ».
    await clickRow(page, 'Archives');
    await expect(page.getByRole('region', { name: 'Sélection' })).toContainText('1 élément sélectionné');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await expect(page.getByRole('region', { name: 'Sélection' })).toContainText('2 éléments sélectionnés');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('region', { name: 'Sélection' })).toBeHidden();
    await clickRow(page, 'brouillon final.txt');
    await page.keyboard.press('Delete');
    await expect(page.getByText('« brouillon final.txt » a été placé dans la corbeille.')).toBeVisible();
    await expect(page.getByRole('rowheader', { name: 'brouillon final.txt' })).toHaveCount(0);

    // The trash shows where it was; « Restaurer » brings it back there.
    await page.getByRole('navigation', { name: 'Navigation du Drive' }).getByRole('link', { name: 'Corbeille', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Corbeille' })).toBeVisible();
    await expect(row(page, 'brouillon final.txt')).toContainText(`Drive › ${folder}`);
    await expectNoAxeViolation(page);
    await itemMenu(page, 'brouillon final.txt', 'Restaurer');
    await expect(page.getByText('« brouillon final.txt » a été restauré.')).toBeVisible();
    await expect(page.getByRole('rowheader', { name: 'brouillon final.txt' })).toHaveCount(0);

    // Search as you type, accents ignored, results from every folder with their place; Escape leaves.
    const search = page.getByRole('searchbox', { name: 'Rechercher dans le Drive' });
    await search.fill('eleve ete');
    await expect(page.getByRole('heading', { level: 1, name: 'Résultats pour « eleve ete »' })).toBeVisible();
    await expect(row(page, 'Élève été.txt').filter({ hasText: folder })).toContainText(`Drive › ${folder}`);
    await expectNoAxeViolation(page);
    // Words in any order, « _ », « . » and spaces alike; the search lives in the address.
    await search.fill('ete eleve txt');
    await expect(row(page, 'Élève été.txt').filter({ hasText: folder })).toBeVisible();
    await expect(page).toHaveURL(/\/drive\/corbeille\?q=ete\+eleve\+txt$/);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Résultats pour « ete eleve txt »' })).toBeVisible();
    await expect(search).toHaveValue('ete eleve txt');
    await page.goBack();
    await expect(page.getByRole('heading', { level: 1, name: 'Corbeille' })).toBeVisible();
    await expect(search).toHaveValue('');
    await page.goForward();
    await expect(search).toHaveValue('ete eleve txt');
    await search.press('Escape');
    await expect(page.getByRole('heading', { level: 1, name: 'Corbeille' })).toBeVisible();
    await expect(page).toHaveURL(/\/drive\/corbeille$/);

    // The grid view is remembered across visits.
    await page.goto('/drive');
    await page.getByRole('button', { name: 'Grille' }).click();
    await page.reload();
    await expect(page.getByRole('button', { name: 'Grille' })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('gridcell').filter({ hasText: folder })).toBeVisible();
    await page.getByRole('button', { name: 'Liste' }).click();

    // A selection made with ctrl-click downloads as one zip.
    await page.goto('/drive');
    await page.getByRole('link', { name: folder }).click();
    await clickRow(page, 'Élève été.txt');
    await clickRow(page, 'brouillon final.txt', ['ControlOrMeta']);
    const bar = page.getByRole('region', { name: 'Sélection' });
    await expect(bar).toContainText('2 éléments sélectionnés');
    const download = page.waitForEvent('download');
    await bar.getByRole('button', { name: 'Télécharger' }).click();
    const zip = await download;
    expect(zip.suggestedFilename()).toBe('Sélection.zip');
    const bytes = await readFile(await zip.path());
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect(bytes.includes(Buffer.from('Élève été.txt'))).toBe(true);
  });

});

test.describe('Drive on a phone', () => {
  test.use({ hasTouch: true, viewport: { width: 390, height: 844 } });

  test('at 390 px: menus, selection by checkbox, the selection bar, the trash and search work by touch', async ({ page }) => {
    await signInWithSpace(page, 'agent');
    const folder = await seedFolder(page);
    await page.goto('/drive');
    await page.getByRole('link', { name: folder }).click();
    const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    expect(await fits()).toBe(true);
    // The name has the row's width (no word broken in two), its date and size on a line under it.
    const name = page.getByRole('rowheader', { name: 'brouillon.txt' });
    await expect(name).toHaveAttribute('data-meta', /^\d+\s\S+\s\d{4}\s·\s[\d,]+\s\S+$/);
    expect(await name.evaluate((cell) => getComputedStyle(cell, '::after').display)).toBe('block');
    expect((await name.boundingBox())?.width).toBeGreaterThan(250);
    await expect(page.getByRole('columnheader', { name: 'Taille' })).toBeHidden();

    // Near the bottom of the window, the « … » menu opens upward: « Supprimer » is not cut off.
    const rowBox = await name.boundingBox();
    const height = Math.ceil((rowBox?.y ?? 0) + (rowBox?.height ?? 0) + 60);
    await page.setViewportSize({ width: 390, height });
    await page.getByRole('button', { name: 'Plus d’actions pour « brouillon.txt »' }).tap();
    const menuBox = await page.getByRole('menu').boundingBox();
    expect(menuBox && menuBox.y >= 0 && menuBox.y + menuBox.height <= height).toBe(true);
    await page.keyboard.press('End');
    await expect(page.getByRole('menuitem', { name: 'Supprimer' })).toBeInViewport();
    await page.keyboard.press('Escape');
    await page.setViewportSize({ width: 390, height: 844 });

    await itemMenu(page, 'brouillon.txt', 'Renommer');
    const field = page.getByRole('textbox', { name: 'Nouveau nom de « brouillon.txt »' });
    await field.fill('notes.txt');
    await field.press('Enter');
    await expect(page.getByText('Proposition : « notes (2).txt »')).toBeVisible();
    await field.press('Escape');

    await page.getByRole('checkbox', { name: 'Sélectionner « notes.txt »' }).tap();
    await page.getByRole('checkbox', { name: 'Sélectionner « brouillon.txt »' }).tap();
    const bar = page.getByRole('region', { name: 'Sélection' });
    await expect(bar).toContainText('2 éléments sélectionnés');
    expect(await fits()).toBe(true);
    await bar.getByRole('button', { name: 'Supprimer' }).tap();
    await expect(page.getByText('2 éléments ont été placés dans la corbeille.')).toBeVisible();

    await page.getByRole('button', { name: 'Menu' }).tap();
    // The storage panel keeps each figure with its unit (« 5,37 Go », « 0 % ») on one line.
    const quota = page.getByRole('region', { name: 'Espace de stockage' });
    await expect(quota.getByRole('progressbar')).toBeAttached();
    const lines = await quota.locator('.mt-progress__label > span[aria-hidden], dd').evaluateAll((figures) =>
      figures.map((figure) => {
        const range = document.createRange();
        range.selectNodeContents(figure);
        return range.getClientRects().length;
      }),
    );
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.every((count) => count === 1)).toBe(true);
    await page.getByRole('link', { name: 'Corbeille', exact: true }).tap();
    await expect(page.getByRole('heading', { level: 1, name: 'Corbeille' })).toBeVisible();
    expect(await fits()).toBe(true);
    await page.getByRole('checkbox', { name: 'Sélectionner « notes.txt »' }).tap();
    await page.getByRole('region', { name: 'Sélection' }).getByRole('button', { name: 'Restaurer' }).tap();
    await expect(page.getByText('« notes.txt » a été restauré.')).toBeVisible();

    await page.getByRole('searchbox', { name: 'Rechercher dans le Drive' }).fill('NOTES');
    await expect(row(page, 'notes.txt').filter({ hasText: folder })).toBeVisible();
    expect(await fits()).toBe(true);
  });
});
