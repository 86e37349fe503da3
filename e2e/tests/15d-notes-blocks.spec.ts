import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { noteText, signInWithSpace, startNote } from './journey.ts';

/** Chooses `item` in the toolbar's menu `menu` (« Tableau », « Panneau »). */
async function fromMenu(page: Page, menu: string, item: string) {
  await page.getByRole('toolbar', { name: 'Mise en forme' }).getByRole('button', { name: menu }).click();
  await page.getByRole('menuitem', { name: item }).click();
}

test.describe('Notes: co-editing blocks', () => {
  test('two devices co-edit a table (a row added, a cell typed) and a warning panel, each seeing the other’s live', async ({ browser }) => {
    const one = await browser.newContext();
    const two = await browser.newContext();
    const a = await one.newPage();
    const b = await two.newPage();
    const { text: textA } = await startNote(a, 'agent');
    await a.keyboard.type('# Menus de la cantine');
    await a.keyboard.press('Enter');
    await expect(a.getByRole('status').filter({ hasText: 'Enregistré' })).toBeVisible();

    await signInWithSpace(b, 'agent');
    await b.goto(a.url());
    const textB = noteText(b);
    await expect(textB).toContainText('Menus de la cantine');

    // The other's caret (with their name) may sit in the text read: contains, not equals.
    // A inserts a table and types in its first body cell: B sees both.
    await textA.click();
    await a.keyboard.press('ControlOrMeta+End');
    await fromMenu(a, 'Tableau', 'Insérer un tableau');
    await textA.locator('td').first().click();
    await a.keyboard.type('Lundi');
    const tableB = textB.locator('table');
    await expect(tableB.locator('tr')).toHaveCount(3);
    await expect(tableB.locator('td').first()).toContainText('Lundi');

    // B adds a row and types in it: A sees it.
    await tableB.locator('td').first().click();
    await fromMenu(b, 'Tableau', 'Ajouter une ligne');
    await tableB.locator('tr').nth(2).locator('td').first().click();
    await b.keyboard.type('Mardi');
    const tableA = textA.locator('table');
    await expect(tableA.locator('tr')).toHaveCount(4);
    await expect(tableA.locator('tr').nth(2).locator('td').first()).toContainText('Mardi');

    // B puts a warning panel after the table; A sees it with its text.
    await textB.click();
    await b.keyboard.press('ControlOrMeta+End');
    await fromMenu(b, 'Panneau', 'Avertissement');
    // Tiptap gives the focus back to the text on the next frame.
    await expect(textB).toBeFocused();
    await b.keyboard.type('Allergènes affichés à l’entrée');
    await expect(textA.locator('[data-panel][data-kind="warning"]')).toContainText('Allergènes affichés à l’entrée');

    await expect(a.getByRole('status').filter({ hasText: 'Enregistré' })).toBeVisible();
    await expect(b.getByRole('status').filter({ hasText: 'Enregistré' })).toBeVisible();
    await one.close();
    await two.close();
  });
});
