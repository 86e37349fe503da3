import { expect, test } from '@playwright/test';
import { entUrl } from '../playwright.config.ts';
import { DEMO_PASSWORD } from './journey.ts';

test.describe('The ENT desktop', () => {
  test('its MyToutatice tile opens the Home, and the desktop can embed the Home', async ({ page }) => {
    await page.goto(`${entUrl}/`);
    await expect(page.getByRole('heading', { name: /Bureau de l.ENT Toutatice/ })).toBeVisible();
    await page.getByRole('link', { name: 'MyToutatice' }).click();
    await page.getByLabel('Identifiant').fill('agent');
    await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page.getByRole('heading', { name: 'Créer mon espace MyToutatice' })).toBeVisible();

    // Framed by the ENT (its session is open): the CSP's frame-ancestors lets the Home show.
    await page.goto(`${entUrl}/bureau/mytoutatice`);
    const framed = page.frameLocator('iframe[title="MyToutatice"]');
    await expect(framed.getByRole('heading', { name: 'Créer mon espace MyToutatice' })).toBeVisible();
  });
});
