import { expect, test } from '@playwright/test';
import { completeOnboarding, expectNoAxeViolation, signIn, signInWithSpace } from './journey.ts';

test.describe('Accessibility and phones', () => {
  test('axe finds nothing on the onboarding, the Home and each app', async ({ page }) => {
    await signIn(page, 'admin');
    await expect(page.getByRole('heading', { name: 'Créer mon espace MyToutatice' })).toBeVisible();
    await expectNoAxeViolation(page);
    // On a phone the CGU are scrolled through to accept them; the Home still opens at its top.
    await page.setViewportSize({ width: 390, height: 600 });
    await completeOnboarding(page);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await page.setViewportSize({ width: 1280, height: 720 });
    await expectNoAxeViolation(page);
    for (const route of ['/drive', '/notes', '/contacts', '/photos', '/store']) {
      await page.evaluate((path) => window.history.pushState(null, '', path), route);
      await expect(page.locator(`#mt-app-${route.slice(1)} h1`)).toBeVisible();
      await expectNoAxeViolation(page);
    }
  });

  test('on a 360 px phone the Home and Drive fit the screen and work by keyboard', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await signInWithSpace(page, 'admin');
    const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    expect(await fits()).toBe(true);
    await expect(page.getByRole('region', { name: 'Applications' }).getByRole('link', { name: 'Drive' })).toBeVisible();

    await page.getByRole('region', { name: 'Applications' }).getByRole('link', { name: 'Drive' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Drive' })).toBeVisible();
    expect(await fits()).toBe(true);
    await page.getByRole('button', { name: 'Nouveau dossier' }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.type('Mes cours');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('link', { name: 'Mes cours' })).toBeVisible();
    expect(await fits()).toBe(true);
  });
});
