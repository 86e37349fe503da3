import { expect, test } from '@playwright/test';
import { signInWithSpace } from './journey.ts';

test.describe('Live changes', () => {
  test('a folder created in one tab appears in another tab’s Drive without a reload', async ({ page, browser }, info) => {
    const folder = `Travail de groupe ${info.retry}-${Date.now().toString(36)}`;
    // Two tabs of the same person: two contexts (a tab keeps its own session in sessionStorage).
    const other = await (await browser.newContext()).newPage();
    await signInWithSpace(page, 'eleve');
    await signInWithSpace(other, 'eleve');

    // The page's realtime socket answers with the space's position as soon as it is open.
    const following = new Promise<void>((resolve) =>
      other.on('websocket', (socket) => {
        if (socket.url().endsWith('/api/realtime')) socket.once('framereceived', () => resolve());
      }),
    );
    await other.goto('/drive');
    await expect(other.getByRole('heading', { level: 1, name: 'Drive' })).toBeVisible();
    await following;

    await page.goto('/drive');
    await page.getByRole('button', { name: 'Nouveau dossier' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nouveau dossier' });
    await dialog.getByLabel('Nom du dossier').fill(folder);
    await dialog.getByRole('button', { name: 'Créer' }).click();
    await expect(page.getByRole('link', { name: folder })).toBeVisible();

    await expect(other.getByRole('link', { name: folder })).toBeVisible();
    await other.context().close();
  });
});
