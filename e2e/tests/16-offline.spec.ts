import { expect, test } from '@playwright/test';
import { expectKeptForOffline, signInWithSpace } from './journey.ts';

test.describe('Offline', () => {
  test('the Home reloaded offline shows the shell and says it is offline, then comes back with the network', async ({ page, context }) => {
    await signInWithSpace(page, 'eleve');
    await expectKeptForOffline(page);
    await context.setOffline(true);
    await page.reload();
    await expect(page.getByRole('navigation', { name: 'MyToutatice' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Hors ligne : MyToutatice affiche ce qui est gardé sur cet appareil.' })).toBeVisible();
    // Without the network nothing leaves for the ENT: still this page.
    expect(new URL(page.url()).pathname).toBe('/');

    await context.setOffline(false);
    await expect(page.getByRole('heading', { name: 'Applications' })).toBeVisible({ timeout: 20_000 });
    await expect(page.getByText('Hors ligne : MyToutatice affiche')).toBeHidden();
  });
});
