import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { publicUrl } from '../playwright.config.ts';
import { accessToken, expectNoAxeViolation, signInWithSpace, userMenu } from './journey.ts';

const PASSWORD = /^[a-z0-9]{4}(-[a-z0-9]{4}){5}$/;

const fits = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

/** What the storage lists for the signed-in person, through the gateway. */
async function listedLabels(page: Page): Promise<string[]> {
  const res = await page.request.get('/api/instance/app-passwords', { headers: { authorization: `Bearer ${await accessToken(page)}` } });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { items: { label: string }[] }).items.map((item) => item.label);
}

test.describe('Devices: app passwords in the settings', () => {
  test('create a password, see it once, copy it, see it listed, revoke it', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await signInWithSpace(page, 'agent');
    // From the person's menu in the bar.
    await userMenu(page).click();
    await page.getByRole('menuitem', { name: 'Paramètres' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Paramètres' })).toBeVisible();
    const section = page.getByRole('region', { name: 'Appareils et mots de passe d’application' });
    await expect(section.getByText(`${publicUrl}/dav/files/`, { exact: true })).toBeVisible();
    await expect(section.getByText('agent', { exact: true })).toBeVisible();
    await expectNoAxeViolation(page);

    // Nothing is made without a name.
    await section.getByRole('button', { name: 'Créer un mot de passe' }).click();
    await expect(section.getByText('Donnez un nom à l’appareil.')).toBeVisible();

    const label = `Téléphone de test ${Date.now()}`;
    await section.getByLabel('Nom de l’appareil').fill(label);
    await section.getByRole('button', { name: 'Créer un mot de passe' }).click();
    const field = section.getByLabel('Mot de passe', { exact: true });
    await expect(field).toHaveValue(PASSWORD);
    const password = await field.inputValue();
    await expect(section.getByText('il ne sera plus jamais affiché')).toBeVisible();
    await expectNoAxeViolation(page);

    await section.getByRole('button', { name: 'Copier' }).click();
    await expect(section.getByRole('status')).toHaveText('Mot de passe copié.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(password);

    await section.getByRole('button', { name: 'J’ai terminé' }).click();
    await expect(field).toHaveCount(0);
    const item = section.getByRole('listitem').filter({ hasText: label });
    await expect(item).toContainText('Jamais utilisé');
    expect(await listedLabels(page)).toContain(label);

    // Shown once: after a reload it is listed, the password itself nowhere.
    await page.reload();
    await expect(item).toBeVisible();
    expect(await page.content()).not.toContain(password);

    await item.getByRole('button', { name: `Révoquer « ${label} »` }).click();
    const dialog = page.getByRole('dialog', { name: `Révoquer « ${label} » ?` });
    await expect(dialog).toBeVisible();
    await expectNoAxeViolation(page);
    await dialog.getByRole('button', { name: 'Révoquer' }).click();
    await expect(dialog).toBeHidden();
    await expect(item).toHaveCount(0);
    await expect(page.getByText(`Mot de passe « ${label} » révoqué.`)).toBeVisible();
    expect(await listedLabels(page)).not.toContain(label);
  });

  test('on a 390 px phone the settings fit and work by keyboard; the bar and the new password fit at 360 px', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await signInWithSpace(page, 'agent');
    const menu = userMenu(page);
    await expect(menu).toBeVisible();
    expect(await fits(page)).toBe(true);

    await page.setViewportSize({ width: 390, height: 844 });
    // Enter opens the menu on its first item, « Paramètres »; Enter again follows it.
    await menu.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('menuitem', { name: 'Paramètres' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Paramètres' })).toBeVisible();
    expect(await fits(page)).toBe(true);

    const label = `Ordinateur du CDI, salle 12 — poste ${Date.now()}`;
    await page.getByLabel('Nom de l’appareil').focus();
    await page.keyboard.type(label);
    await page.keyboard.press('Enter');
    const field = page.getByLabel('Mot de passe', { exact: true });
    await expect(field).toHaveValue(PASSWORD);
    await expect(field).toBeFocused();
    expect(await fits(page)).toBe(true);
    // The whole password is in view, for typing it into the device, down to 360 px.
    const whole = () => field.evaluate((input: HTMLInputElement) => input.scrollWidth <= input.clientWidth);
    expect(await whole()).toBe(true);
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await fits(page)).toBe(true);
    expect(await whole()).toBe(true);
    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoAxeViolation(page);
    await page.getByRole('button', { name: 'J’ai terminé' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Nom de l’appareil')).toBeFocused();

    const item = page.getByRole('listitem').filter({ hasText: label });
    await expect(item).toBeVisible();
    expect(await fits(page)).toBe(true);
    await item.getByRole('button', { name: /^Révoquer/ }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: `Révoquer « ${label} » ?` });
    // Focus starts on « Annuler »: Enter alone never revokes.
    await expect(dialog.getByRole('button', { name: 'Annuler' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(dialog.getByRole('button', { name: 'Révoquer' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(item).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Mots de passe créés' })).toBeFocused();
    expect(await fits(page)).toBe(true);
  });
});
