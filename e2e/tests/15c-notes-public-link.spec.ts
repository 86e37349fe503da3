import { expect, test } from '@playwright/test';
import { accessToken, expectNoAxeViolation, noteText, signInWithSpace, SMALL_PNG } from './journey.ts';

test.describe('Notes through a public link', () => {
  test('a visitor on a phone reads the note as it is written, its image included, cannot change it, and axe finds nothing', async ({ page, browser }) => {
    await signInWithSpace(page, 'enseignant');
    const headers = { authorization: `Bearer ${await accessToken(page)}` };
    const created = await page.request.post('/api/notes', { headers, data: { markdown: `# Sortie ${Date.now()}\n\n> [!WARNING]\n> Prévoir un pique-nique.\n\nDépart à 8 h.\n` } });
    expect(created.status(), await created.text()).toBe(201);
    const note = (await created.json()) as { file: { id: string; name: string } };
    const linked = await page.request.post('/gateway/links', { headers, data: { itemId: note.file.id, access: 'write' } });
    expect(linked.status(), await linked.text()).toBe(201);
    const link = (await linked.json()) as { path: string };

    await page.goto(`/notes/${note.file.id}`);
    const editor = noteText(page);
    await expect(editor).toContainText('Départ à 8 h.');
    await editor.click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.locator('.mt-note-toolbar input[type="file"]').setInputFiles({ name: 'Plan.png', mimeType: 'image/png', buffer: SMALL_PNG });
    await expect(editor.locator('img[src^="blob:"]')).toHaveCount(1);

    const visitorContext = await browser.newContext({ viewport: { width: 390, height: 800 } });
    const visitor = await visitorContext.newPage();
    await visitor.goto(link.path);
    const read = visitor.getByRole('article', { name: note.file.name });
    await expect(read).toContainText('Départ à 8 h.');
    await expect(read.locator('[data-panel][data-kind="warning"]')).toContainText('Prévoir un pique-nique.');
    await expect(visitor.getByRole('status').filter({ hasText: 'Mise à jour en direct' })).toBeVisible();
    // The note's image, fetched through the link.
    const image = read.getByRole('img', { name: 'Plan' });
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(4);

    // The teacher types: the visitor sees it without reloading.
    await editor.click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type(' Retour à 17 h.');
    await expect(read).toContainText('Départ à 8 h. Retour à 17 h.');

    // The visitor cannot type into it, even through a link that takes drops.
    await expect(read).toHaveAttribute('contenteditable', 'false');
    await read.click();
    await visitor.keyboard.type('tagué');
    await expect(read).not.toContainText('tagué');
    await expectNoAxeViolation(visitor);
    expect(await visitor.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await visitorContext.close();
  });
});
