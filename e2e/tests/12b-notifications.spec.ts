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
    /** The teacher shares a new folder with the pupil; answers the sharing's id. */
    const share = async (name: string) => {
      const created = await teacher.request.post('/api/files/root/folders', { headers, data: { name } });
      expect(created.status()).toBe(201);
      const shared = await teacher.request.post('/gateway/sharings', { headers, data: { itemId: ((await created.json()) as { id: string }).id, members: [{ slug: 'eleve', role: 'write' }] } });
      expect(shared.status()).toBe(201);
      return ((await shared.json()) as { id: string }).id;
    };
    const sharingId = await share(folder);

    const unread = before + 1;
    const named = page.getByRole('button', { name: unread === 1 ? 'Notifications, 1 non lue' : `Notifications, ${unread} non lues` });
    await expect(named).toBeVisible();
    await page.setViewportSize({ width: 360, height: 740 });
    await named.click();
    const panel = page.getByRole('region', { name: 'Notifications' });
    const link = panel.getByRole('link', { name: `Non lue : Annabel Bourde a partagé le dossier « ${folder} » avec vous (Peut modifier)` });
    await expect(link).toBeVisible();
    await expect(link).toHaveAttribute('href', `/drive/partages/${sharingId}`);
    const box = await panel.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 360).toBe(true);
    await expectNoAxeViolation(page, '.mt-navbar');

    await panel.getByRole('button', { name: 'Tout marquer comme lu' }).click();
    await expect(page.getByRole('button', { name: 'Notifications', exact: true })).toBeVisible();
    await expect(panel.getByRole('link', { name: `Annabel Bourde a partagé le dossier « ${folder} » avec vous (Peut modifier)`, exact: true })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
    await expect(page.getByRole('button', { name: 'Notifications', exact: true })).toBeFocused();

    // Following a notification opens its sharing, and the badge goes.
    const second = `${folder} bis`;
    await share(second);
    await page.getByRole('button', { name: 'Notifications, 1 non lue' }).click();
    await panel.getByRole('link', { name: new RegExp(`« ${second} »`) }).click();
    await expect(page.getByRole('heading', { level: 1, name: second })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Notifications', exact: true })).toBeVisible();

    // So does opening the sharing from « Partages », without going through the notification.
    const third = `${folder} ter`;
    await share(third);
    await expect(page.getByRole('button', { name: 'Notifications, 1 non lue' })).toBeVisible();
    await page.goto('/drive/partages');
    await page.getByRole('tabpanel').getByRole('link', { name: third }).click();
    await expect(page.getByRole('heading', { level: 1, name: third })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Notifications', exact: true })).toBeVisible();
    await teacher.context().close();
  });
});
