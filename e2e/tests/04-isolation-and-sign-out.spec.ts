import { expect, test } from '@playwright/test';
import { entUrl } from '../playwright.config.ts';
import { accessToken, signIn, signInWithSpace, userMenu } from './journey.ts';

test.describe('Two people, two spaces; signing out ends the ENT session', () => {
  test('a second person never sees the first one’s files, even by id; sign-out ends the session at the ENT', async ({ page }) => {
    await signInWithSpace(page, 'enseignant');
    await page.goto('/drive');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Importer des fichiers' }).click();
    await (await chooser).setFiles({ name: 'bulletin-de-paie.txt', mimeType: 'text/plain', buffer: Buffer.from('confidentiel') });
    await expect(page.getByRole('rowheader', { name: /bulletin-de-paie\.txt/ })).toBeVisible();
    const teacherToken = await accessToken(page);
    const listing = (await (
      await page.request.get('/api/files/root/children', { headers: { authorization: `Bearer ${teacherToken}` } })
    ).json()) as { items: { id: string; name: string }[] };
    const fileId = listing.items.find((f) => f.name === 'bulletin-de-paie.txt')?.id;
    expect(fileId).toBeTruthy();

    await userMenu(page).click();
    await page.getByRole('menuitem', { name: 'Se déconnecter' }).click();
    // Back at the Home, which sends to the ENT: its session is over, so the login form shows.
    await expect(page).toHaveURL((url) => url.href.startsWith(entUrl));
    await expect(page.getByLabel('Identifiant')).toBeVisible();

    await signIn(page, 'eleve', '/drive');
    await expect(page.getByRole('heading', { level: 1, name: 'Drive' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Cours de français' })).toBeVisible();
    await expect(page.getByText('bulletin-de-paie.txt')).toHaveCount(0);

    const pupilToken = await accessToken(page);
    for (const path of [`/api/files/${fileId}`, `/api/files/${fileId}/content`, `/api/files/${fileId}/children`]) {
      const res = await page.request.get(path, { headers: { authorization: `Bearer ${pupilToken}` } });
      expect(res.status(), path).toBe(404);
      expect(res.headers()['content-type']).toContain('application/problem+json');
    }
    // The teacher's own token still reaches it: the 404 above is isolation, not a broken file.
    const own = await page.request.get(`/api/files/${fileId}`, { headers: { authorization: `Bearer ${teacherToken}` } });
    expect(own.status()).toBe(200);
  });
});
