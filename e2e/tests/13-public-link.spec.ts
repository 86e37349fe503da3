import { expect, test } from '@playwright/test';
import type { APIRequestContext, Page } from '@playwright/test';
import { PDFDocument } from 'pdf-lib';
import { accessToken, expectNoAxeViolation, signInWithSpace } from './journey.ts';

/** A 1×1 PNG: small, and a picture the browser really draws. */
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const PASSWORD = 'sortie-2026';

type Item = { id: string; name: string };

/** The teacher's calls, with the shell's own access token. */
function teacherApi(request: APIRequestContext, token: string) {
  const headers = { authorization: `Bearer ${token}` };
  const ok = async <T>(response: Awaited<ReturnType<APIRequestContext['get']>>, status = 200) => {
    expect(response.status(), await response.text()).toBe(status);
    return (await response.json()) as T;
  };
  return {
    folder: async (name: string) => ok<Item>(await request.post('/api/files/root/folders', { headers, data: { name } }), 201),
    upload: async (parent: string, name: string, body: string | Buffer) =>
      ok<Item>(await request.post(`/api/files/${parent}/files?name=${encodeURIComponent(name)}`, { headers, data: body }), 201),
    link: async (data: Record<string, unknown>) => ok<{ id: string; path: string }>(await request.post('/gateway/links', { headers, data }), 201),
    disable: async (id: string) => expect((await request.delete(`/gateway/links/${id}`, { headers })).status()).toBe(204),
    names: async (folder: string) =>
      (await ok<{ items: Item[] }>(await request.get(`/api/files/${folder}/children`, { headers }))).items.map((item) => item.name).sort(),
  };
}

const fits = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

test.describe('Public links', () => {
  test('an anonymous visitor opens a protected, editable link: password, list, preview, zip, upload; then it is turned off', async ({ page, browser }) => {
    await signInWithSpace(page, 'enseignant');
    const api = teacherApi(page.request, await accessToken(page));
    const folder = await api.folder(`Sortie au Mont ${Date.now()}`);
    await api.upload(folder.id, 'programme.txt', 'Départ 8 h devant le collège');
    await api.upload(folder.id, 'baie.png', PIXEL);
    const expiresAt = new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString();
    const link = await api.link({ itemId: folder.id, access: 'write', password: PASSWORD, expiresAt });

    const visitorContext = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const visitor = await visitorContext.newPage();
    await visitor.goto(link.path);
    await expect(visitor.getByRole('heading', { level: 1, name: 'Annabel Bourde a partagé avec vous' })).toBeVisible();
    // Nothing of the folder before the password: not its name, not a file.
    await expect(visitor.getByText(folder.name)).toHaveCount(0);
    await expect(visitor.getByText('programme.txt')).toHaveCount(0);
    await expectNoAxeViolation(visitor);

    await visitor.getByLabel('Mot de passe').fill('sortie-2025');
    await visitor.getByRole('button', { name: 'Ouvrir' }).click();
    await expect(visitor.getByText('Mot de passe incorrect.')).toBeVisible();
    await visitor.getByLabel('Mot de passe').fill(PASSWORD);
    await visitor.getByRole('button', { name: 'Ouvrir' }).click();

    const table = visitor.getByRole('table', { name: folder.name });
    await expect(table.getByRole('button', { name: 'programme.txt', exact: true })).toBeVisible();
    await expect(table.getByRole('button', { name: 'baie.png', exact: true })).toBeVisible();
    await expect(visitor.getByText(/Ce lien expire le/)).toBeVisible();
    expect(await fits(visitor)).toBe(true);
    await expectNoAxeViolation(visitor);

    await table.getByRole('button', { name: 'programme.txt', exact: true }).click();
    await expect(visitor.getByText('Départ 8 h devant le collège')).toBeVisible();
    await visitor.getByRole('button', { name: 'Retour au dossier' }).click();
    await table.getByRole('button', { name: 'baie.png', exact: true }).click();
    const image = visitor.getByRole('img', { name: 'baie.png' });
    await expect(image).toBeVisible();
    expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
    await visitor.getByRole('button', { name: 'Retour au dossier' }).click();

    const zipDownload = visitor.waitForEvent('download');
    await visitor.getByRole('button', { name: 'Télécharger le dossier' }).click();
    expect((await zipDownload).suggestedFilename()).toBe(`${folder.name}.zip`);

    const fileDownload = visitor.waitForEvent('download');
    await table.getByRole('button', { name: 'Télécharger « programme.txt »' }).click();
    expect((await fileDownload).suggestedFilename()).toBe('programme.txt');

    await visitor.locator('input[type=file]').setInputFiles({ name: 'photo-de-groupe.txt', mimeType: 'text/plain', buffer: Buffer.from('Souvenir') });
    await expect(visitor.getByText('1 fichier déposé.', { exact: true })).toBeVisible();
    await expect(table.getByRole('button', { name: 'photo-de-groupe.txt', exact: true })).toBeVisible();
    expect(await api.names(folder.id)).toEqual(['baie.png', 'photo-de-groupe.txt', 'programme.txt']);

    // The tab keeps the password; turning the link off ends it at the next request.
    await api.disable(link.id);
    await visitor.reload();
    await expect(visitor.getByRole('heading', { level: 1, name: 'Ce lien n’est plus disponible' })).toBeVisible();
    await expectNoAxeViolation(visitor);
    await visitorContext.close();
  });

  test('a read-only link without password opens at once and offers no upload', async ({ page, browser }) => {
    await signInWithSpace(page, 'enseignant');
    const api = teacherApi(page.request, await accessToken(page));
    const folder = await api.folder(`Corrigés ${Date.now()}`);
    await api.upload(folder.id, 'corrigé.txt', 'x = 3');
    const link = await api.link({ itemId: folder.id, access: 'read' });

    const visitorContext = await browser.newContext();
    const visitor = await visitorContext.newPage();
    await visitor.goto(link.path);
    await expect(visitor.getByRole('table', { name: folder.name }).getByRole('button', { name: 'corrigé.txt', exact: true })).toBeVisible();
    await expect(visitor.getByRole('button', { name: 'Déposer des fichiers' })).toHaveCount(0);

    // A link to one file: its preview and « Télécharger ».
    const answer = await api.upload(folder.id, 'consignes.txt', 'Rendre le devoir lundi');
    const fileLink = await api.link({ itemId: answer.id, access: 'read' });
    await visitor.goto(fileLink.path);
    await expect(visitor.getByRole('heading', { level: 2, name: 'consignes.txt' })).toBeVisible();
    await expect(visitor.getByText('Rendre le devoir lundi')).toBeVisible();
    const download = visitor.waitForEvent('download');
    await visitor.getByRole('button', { name: 'Télécharger' }).click();
    expect((await download).suggestedFilename()).toBe('consignes.txt');
    await expectNoAxeViolation(visitor);

    // A PDF is drawn page by page, by the Drive's viewer.
    const pdf = await PDFDocument.create();
    pdf.addPage([300, 200]);
    pdf.addPage([300, 200]);
    const poster = await api.upload(folder.id, 'affiche.pdf', Buffer.from(await pdf.save()));
    await visitor.goto((await api.link({ itemId: poster.id, access: 'read' })).path);
    await expect(visitor.getByRole('heading', { level: 2, name: 'affiche.pdf' })).toBeVisible();
    // pdf.js starts its worker first: seconds on a loaded machine.
    await expect(visitor.getByRole('img', { name: 'Page 2 sur 2' })).toBeVisible({ timeout: 30_000 });
    await expectNoAxeViolation(visitor);
    await visitorContext.close();
  });

  test('the teacher generates a link in « Partager »: password, expiry proposed, « Copier le lien », « Désactiver le lien »', async ({ page, browser, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await signInWithSpace(page, 'enseignant');
    const api = teacherApi(page.request, await accessToken(page));
    const folder = await api.folder(`Voyage ${Date.now()}`);
    await api.upload(folder.id, 'itinéraire.txt', 'Rennes → Saint-Malo');

    await page.goto('/drive');
    await page.getByRole('button', { name: `Plus d’actions pour « ${folder.name} »` }).click();
    await page.getByRole('menuitem', { name: 'Partager' }).click();
    const dialog = page.getByRole('dialog', { name: `Partager « ${folder.name} »` });
    await expect(dialog.getByRole('radio', { name: 'Peut consulter' })).toBeChecked();
    // The access radios wear the system's colour, not the browser's default.
    await expect(dialog.getByRole('radio', { name: 'Peut consulter' })).toHaveCSS('accent-color', 'rgb(26, 98, 168)');
    await expect(dialog.getByLabel('Date d’expiration')).not.toHaveValue('');
    await dialog.getByLabel('Mot de passe').fill(PASSWORD);
    await dialog.getByRole('button', { name: 'Générer un lien' }).click();
    await expect(dialog.getByText('Lien activé')).toBeVisible();
    // « Copier le lien » and « Désactiver le lien » do not touch.
    const copyBox = await dialog.getByRole('button', { name: 'Copier le lien' }).boundingBox();
    const disableBox = await dialog.getByRole('button', { name: 'Désactiver le lien' }).boundingBox();
    expect(copyBox && disableBox && disableBox.x - (copyBox.x + copyBox.width)).toBeGreaterThanOrEqual(8);
    await dialog.getByRole('button', { name: 'Copier le lien' }).click();
    await expect(dialog.getByRole('status').getByText('Lien copié dans le presse-papiers.')).toBeVisible();
    const url = await page.evaluate(() => navigator.clipboard.readText());
    expect(url).toMatch(/\/public\/[A-Za-z0-9_-]{43}$/);
    await expectNoAxeViolation(page, 'dialog');

    const visitorContext = await browser.newContext();
    const visitor = await visitorContext.newPage();
    await visitor.goto(url);
    await visitor.getByLabel('Mot de passe').fill(PASSWORD);
    await visitor.getByRole('button', { name: 'Ouvrir' }).click();
    await expect(visitor.getByRole('button', { name: 'itinéraire.txt', exact: true })).toBeVisible();
    await expect(visitor.getByRole('button', { name: 'Déposer des fichiers' })).toHaveCount(0);

    await dialog.getByRole('button', { name: 'Désactiver le lien' }).click();
    await expect(dialog.getByRole('button', { name: 'Générer un lien' })).toBeVisible();
    await visitor.reload();
    await expect(visitor.getByRole('heading', { level: 1, name: 'Ce lien n’est plus disponible' })).toBeVisible();
    await visitorContext.close();
  });
});
