import { expect, test } from '@playwright/test';
import { entUrl } from '../playwright.config.ts';
import { DEMO_PASSWORD } from './journey.ts';

test.describe('The ENT desktop', () => {
  test('its MyToutatice tile opens the Home, which the ENT may embed', async ({ page, context }) => {
    await page.goto(`${entUrl}/`);
    await expect(page.getByRole('heading', { name: 'Bureau de l’ENT Toutatice' }).or(page.getByRole('heading', { name: "Bureau de l'ENT Toutatice" }))).toBeVisible();
    const opened = context.waitForEvent('page').catch(() => page);
    await page.getByRole('link', { name: 'MyToutatice' }).click();
    const home = await Promise.race([opened, page.waitForURL((u) => !u.href.startsWith(`${entUrl}/`) || u.pathname.startsWith('/interaction')).then(() => page)]);
    await home.getByLabel('Identifiant').fill('agent');
    await home.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
    await home.getByRole('button', { name: 'Se connecter' }).click();
    await expect(home.getByRole('heading', { name: 'Créer mon espace MyToutatice' })).toBeVisible();

    const response = await home.request.get('/');
    const csp = response.headers()['content-security-policy'] ?? '';
    expect(csp).toContain(`frame-ancestors 'self' ${entUrl}`);
    expect(csp).not.toContain("'unsafe-inline'");
  });
});
