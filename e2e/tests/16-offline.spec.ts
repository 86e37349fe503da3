import { expect, test } from '@playwright/test';
import { expectKeptForOffline, expectNoAxeViolation, signInWithSpace, userMenu } from './journey.ts';

test.describe('Offline', () => {
  test('the Home reloaded offline shows the shell and says it is offline, then comes back with the network', async ({ page, context }) => {
    await signInWithSpace(page, 'eleve');
    await expectKeptForOffline(page);
    const person = (await userMenu(page).innerText()).trim();
    expect(person).not.toBe('Mon compte');
    await context.setOffline(true);
    await page.reload();
    await expect(page.getByRole('navigation', { name: 'MyToutatice' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Hors ligne : MyToutatice affiche ce qui est gardé sur cet appareil.' })).toBeVisible();
    // The apps are in the page, the name in this tab's session: the Home itself, not an error.
    await expect(page.getByRole('heading', { name: 'Applications' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Applications' }).getByRole('link', { name: 'Notes' })).toBeVisible();
    await expect(userMenu(page)).toHaveText(person);
    await expectNoAxeViolation(page);
    // Without the network nothing leaves for the ENT: still this page.
    expect(new URL(page.url()).pathname).toBe('/');

    await context.setOffline(false);
    await expect(page.getByText('Hors ligne : MyToutatice affiche')).toBeHidden();
    // Back online, the shell reads `me` and follows changes again: the notifications come back.
    await expect(page.getByRole('button', { name: 'Notifications' })).toBeVisible({ timeout: 20_000 });
    await expect(page.getByRole('heading', { name: 'Applications' })).toBeVisible();
  });
});
