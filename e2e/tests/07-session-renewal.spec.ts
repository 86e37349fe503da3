import { expect, test } from '@playwright/test';
import { accessToken, signInWithSpace } from './journey.ts';

test.describe('Session renewal', () => {
  test('the shell renews the access token in the background before it expires, and the apps keep working', async ({ page }) => {
    await signInWithSpace(page, 'eleve');
    const first = await accessToken(page);
    // Tokens live 75 s here; oidc-client-ts renews 60 s before expiry, through the silent-renew frame.
    await expect.poll(() => accessToken(page), { timeout: 40_000, intervals: [1_000] }).not.toBe(first);
    await page.getByRole('region', { name: 'Applications' }).getByRole('link', { name: 'Drive' }).click();
    await expect(page.getByRole('link', { name: 'Cours de français' })).toBeVisible();
    const res = await page.request.get('/api/files/root', { headers: { authorization: `Bearer ${await accessToken(page)}` } });
    expect(res.status()).toBe(200);
  });
});
