import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { entUrl } from '../playwright.config.ts';
import { DEMO_PASSWORD, expectNoAxeViolation, signInWithSpace } from './journey.ts';

/**
 * From now on, every call the page makes to the gateway carries a token whose signature the real
 * gateway cannot verify, renewed ones too: what the Home met behind a provider whose tokens the
 * gateway did not take (LemonLDAP::NG's `typ: JWT`). Counts the calls to `/gateway/me`.
 */
async function gatewayRefusesEveryToken(page: Page): Promise<{ meCalls: () => number }> {
  let meCalls = 0;
  await page.route(/\/(gateway|api)\//, async (route) => {
    const request = route.request();
    if (new URL(request.url()).pathname === '/gateway/me') meCalls++;
    const authorization = await request.headerValue('authorization');
    const headers = { ...request.headers(), ...(authorization ? { authorization: authorization.replace(/\.[^.]*$/, '.c2lnbmF0dXJl') } : {}) };
    await route.continue({ headers });
  });
  return { meCalls: () => meCalls };
}

test.describe('A token the gateway refuses', () => {
  test('the Home says the session is not valid, after one renewal, and « Se reconnecter » signs in anew', async ({ page }) => {
    await signInWithSpace(page, 'agent');
    const gateway = await gatewayRefusesEveryToken(page);
    await page.reload();

    const title = page.getByRole('heading', { level: 1, name: 'Votre session n’est pas valide' });
    await expect(title).toBeVisible();
    await expect(title).toBeFocused();
    await expect(page.getByText('Chargement de MyToutatice…')).toBeHidden();
    // The first call, and the one after the silent renewal: then nothing more, no loop.
    expect(gateway.meCalls()).toBe(2);
    await page.waitForTimeout(3_000);
    expect(gateway.meCalls()).toBe(2);
    await expectNoAxeViolation(page);

    await page.unrouteAll({ behavior: 'wait' });
    await page.getByRole('button', { name: 'Se reconnecter' }).click();
    // A new sign-in: the ENT asks for the password again, even though its session is alive.
    await expect(page).toHaveURL((url) => url.href.startsWith(entUrl));
    await page.getByLabel('Identifiant').fill('agent');
    await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page.getByRole('heading', { name: 'Applications' })).toBeVisible();
  });

  test('« Se déconnecter » ends the session at the ENT, on a phone too', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signInWithSpace(page, 'agent');
    await gatewayRefusesEveryToken(page);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Votre session n’est pas valide' })).toBeVisible();
    await expectNoAxeViolation(page);

    await page.unrouteAll({ behavior: 'wait' });
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    // Back at the Home, which sends to the ENT: its session is over, so the login form shows.
    await expect(page).toHaveURL((url) => url.href.startsWith(entUrl));
    await expect(page.getByLabel('Identifiant')).toBeVisible();
  });
});
