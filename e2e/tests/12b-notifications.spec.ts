import { expect, test } from '@playwright/test';
import { accessToken, expectNoAxeViolation, signInWithSpace } from './journey.ts';

test.describe('Notifications', () => {
  test('a sharing shows live in the recipient’s Home: badge, panel, marked read', async ({ page, browser }, info) => {
    const folder = `Cours partagé ${info.retry}-${Date.now().toString(36)}`;
    const teacher = await (await browser.newContext()).newPage();
    await signInWithSpace(page, 'eleve');
    await signInWithSpace(teacher, 'enseignant');

    // The pupil's Home is open and following its space before the teacher shares.
    const following = new Promise<void>((resolve) =>
      page.on('websocket', (socket) => {
        if (socket.url().endsWith('/api/realtime')) socket.once('framereceived', () => resolve());
      }),
    );
    await page.reload();
    await following;
    const bell = page.getByRole('button', { name: /^Notifications/ });
    await expect(bell).toBeVisible();
    const before = Number(/(\d+) non lue/.exec((await bell.getAttribute('title')) ?? '')?.[1] ?? 0);

    const token = await accessToken(teacher);
    const headers = { authorization: `Bearer ${token}` };
    const created = await teacher.request.post('/api/files/root/folders', { headers, data: { name: folder } });
    expect(created.status()).toBe(201);
    const shared = await teacher.request.post('/gateway/sharings', { headers, data: { itemId: ((await created.json()) as { id: string }).id, members: [{ slug: 'eleve', role: 'write' }] } });
    expect(shared.status()).toBe(201);

    const unread = before + 1;
    const named = page.getByRole('button', { name: unread === 1 ? 'Notifications, 1 non lue' : `Notifications, ${unread} non lues` });
    await expect(named).toBeVisible();
    await page.setViewportSize({ width: 360, height: 740 });
    await named.click();
    const panel = page.getByRole('region', { name: 'Notifications' });
    const link = panel.getByRole('link', { name: `Non lue : Annabel Bourde a partagé le dossier « ${folder} » avec vous (Peut modifier)` });
    await expect(link).toBeVisible();
    await expect(link).toHaveAttribute('href', '/drive/partages');
    const box = await panel.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 360).toBe(true);
    await expectNoAxeViolation(page, '.mt-navbar');

    await panel.getByRole('button', { name: 'Tout marquer comme lu' }).click();
    await expect(page.getByRole('button', { name: 'Notifications', exact: true })).toBeVisible();
    await expect(panel.getByRole('link', { name: `Annabel Bourde a partagé le dossier « ${folder} » avec vous (Peut modifier)`, exact: true })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
    await expect(page.getByRole('button', { name: 'Notifications', exact: true })).toBeFocused();
    await teacher.context().close();
  });
});
