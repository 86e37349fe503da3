import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { accessToken, expectNoAxeViolation, signInWithSpace } from './journey.ts';

/** A 2×2 red PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
  'base64',
);

/** `seconds` of silence, 8 kHz 8-bit mono PCM in a WAV container. */
function wavOf(seconds: number): Buffer {
  const samples = 8000 * seconds;
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + samples, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(8000, 24);
  header.writeUInt32LE(8000, 28);
  header.writeUInt16LE(1, 32);
  header.writeUInt16LE(8, 34);
  header.write('data', 36);
  header.writeUInt32LE(samples, 40);
  return Buffer.concat([header, Buffer.alloc(samples, 128)]);
}

async function pdfOf(pages: readonly string[]): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const text of pages) pdf.addPage([300, 200]).drawText(text, { x: 20, y: 100, size: 18, font });
  return Buffer.from(await pdf.save());
}

/** The API as the page's signed-in person (the token is read each time: it is renewed every minute). */
async function api(page: Page, path: string, init: { method?: string; data?: string | Record<string, unknown> } = {}) {
  const response = await page.request.fetch(path, {
    method: init.method ?? 'GET',
    headers: { Authorization: `Bearer ${await accessToken(page)}` },
    ...(init.data === undefined ? {} : { data: init.data }),
  });
  expect(response.ok(), `${init.method ?? 'GET'} ${path}: ${response.status()}`).toBe(true);
  return response;
}

type Item = { id: string; name: string; type: string; size: number | null };
async function children(page: Page, id: string): Promise<Item[]> {
  return ((await (await api(page, `/api/files/${id}/children`)).json()) as { items: Item[] }).items;
}

/** A fresh folder at the root, opened: each test works in its own. */
async function openNewFolder(page: Page, name: string): Promise<string> {
  const folder = (await (await api(page, '/api/files/root/folders', { method: 'POST', data: { name } })).json()) as Item;
  await page.goto(`/drive/dossier/${folder.id}`);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  return folder.id;
}

const fits = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
/** Files on disk for the pickers (a folder tree; a big file with a stable date), removed after the run. */
const made: string[] = [];
function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}
test.afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const unique = () => `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;

test.describe('Drive: uploads, previews, versions, scanner', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('import a folder tree with its progress, then preview a PDF, an image and a text file', async ({ page }) => {
    await signInWithSpace(page, 'enseignant');
    const folderId = await openNewFolder(page, `Import ${unique()}`);

    const tree = join(tempDir('mt-tree-'), 'Cours');
    mkdirSync(join(tree, 'Maths', 'Géométrie'), { recursive: true });
    writeFileSync(join(tree, 'plan.txt'), 'Plan du trimestre\n');
    writeFileSync(join(tree, 'Maths', 'exercices.md'), '# Exercices\n\n<script>alert(1)</script>\n');
    writeFileSync(join(tree, 'Maths', 'Géométrie', 'figure.png'), PNG);
    await page.getByTestId('drive-folder-input').setInputFiles(tree);

    const panel = page.getByRole('region', { name: 'Imports' });
    await expect(panel.getByRole('progressbar', { name: 'Cours/Maths/Géométrie/figure.png' })).toBeVisible();
    await expect(panel.getByRole('status')).toHaveText('3 sur 3 fichiers importés');
    expect(await fits(page)).toBe(true);
    await expectNoAxeViolation(page, '.mt-upload-panel');

    // Made on the storage, names kept, each file in its folder.
    const [cours] = await children(page, folderId);
    expect(cours).toMatchObject({ name: 'Cours', type: 'directory' });
    const inCours = await children(page, cours?.id ?? '');
    expect(inCours.map((i) => i.name)).toEqual(['Maths', 'plan.txt']);
    const inMaths = await children(page, inCours[0]?.id ?? '');
    expect(inMaths.map((i) => i.name)).toEqual(['Géométrie', 'exercices.md']);
    expect((await children(page, inMaths[0]?.id ?? '')).map((i) => i.name)).toEqual(['figure.png']);

    // Three files to look through, in name order.
    await page.getByTestId('drive-file-input').setInputFiles([
      { name: 'a-cours.pdf', mimeType: 'application/pdf', buffer: await pdfOf(['Page un', 'Page deux']) },
      { name: 'b-photo.png', mimeType: 'image/png', buffer: PNG },
      { name: 'c-notes.txt', mimeType: 'text/plain', buffer: Buffer.from('Bonjour <b>la classe</b>\n') },
    ]);
    await expect(page.getByRole('button', { name: 'c-notes.txt', exact: true })).toBeVisible();

    const opener = page.getByRole('button', { name: 'a-cours.pdf', exact: true });
    await opener.click();
    let preview = page.getByRole('dialog', { name: 'a-cours.pdf' });
    // pdf.js starts its worker first: seconds on a loaded machine.
    await expect(preview.getByRole('img', { name: 'Page 2 sur 2' })).toBeVisible({ timeout: 30_000 });
    await expect(preview.getByText('Fichier 1 sur 3')).toBeVisible();
    expect(await fits(page)).toBe(true);
    // Read top to bottom, left to right, as they are tabbed through: « Précédent » « Suivant » first.
    const shown = await preview.getByRole('button').evaluateAll((buttons) =>
      buttons
        .filter((button) => button.closest('.mt-dialog__actions'))
        .map((button) => {
          const { top, left } = button.getBoundingClientRect();
          return { name: button.textContent?.trim() ?? '', top, left };
        })
        .sort((a, b) => a.top - b.top || a.left - b.left)
        .map((button) => button.name),
    );
    expect(shown).toEqual(['Précédent', 'Suivant', 'Versions', 'Télécharger']);
    await expectNoAxeViolation(page, '.mt-preview');

    await page.keyboard.press('ArrowRight');
    preview = page.getByRole('dialog', { name: 'b-photo.png' });
    const image = preview.getByRole('img', { name: 'b-photo.png' });
    await expect(image).toBeVisible();
    expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(2);

    await page.keyboard.press('ArrowRight');
    preview = page.getByRole('dialog', { name: 'c-notes.txt' });
    // Shown as text, never as markup.
    await expect(preview.getByText('Bonjour <b>la classe</b>')).toBeVisible();
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByRole('dialog', { name: 'b-photo.png' })).toBeVisible();

    const download = page.waitForEvent('download');
    await page.getByRole('dialog', { name: 'b-photo.png' }).getByRole('button', { name: 'Télécharger' }).click();
    expect((await download).suggestedFilename()).toBe('b-photo.png');

    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toBeHidden();
    await expect(opener).toBeFocused();

    // A Markdown file opens as a note, its raw HTML kept as text.
    await page.goto(`/drive/dossier/${inCours[0]?.id ?? ''}`);
    await page.getByRole('button', { name: 'exercices.md', exact: true }).click();
    await expect(page).toHaveURL(/\/notes\/[^/]+$/);
    const note = page.getByRole('textbox', { name: 'Texte de la note' });
    await expect(note.getByRole('heading', { name: 'Exercices', exact: true })).toBeVisible();
    await expect(note.getByText('<script>alert(1)</script>')).toBeVisible();
  });

  test('a 20 MB upload cut by the network and a reload goes on from where it was, byte-identical', async ({ page }) => {
    await signInWithSpace(page, 'enseignant');
    const folderId = await openNewFolder(page, `Gros envoi ${unique()}`);
    const content = randomBytes(20 * 1024 * 1024);
    // A file on disk: picked again after the reload, it has the same name, size and date.
    const path = join(tempDir('mt-big-'), 'cours-filmé.mp4');
    writeFileSync(path, content);

    // The network goes down after the first 8 MiB chunk.
    let patches = 0;
    await page.route('**/api/uploads/**', async (route) => {
      if (route.request().method() === 'PATCH' && ++patches > 1) await route.abort('internetdisconnected');
      else await route.fallback();
    });
    const firstChunk = page.waitForResponse((r) => r.request().method() === 'PATCH' && r.status() === 204);
    await page.getByTestId('drive-file-input').setInputFiles(path);
    await firstChunk;
    const bar = page.getByRole('progressbar', { name: 'cours-filmé.mp4' });
    await expect.poll(async () => Number(await bar.getAttribute('value'))).toBeGreaterThanOrEqual(8 * 1024 * 1024);

    // Paused and resumed by hand first: still cut, it keeps failing until the reload.
    await page.getByRole('button', { name: 'Mettre en pause « cours-filmé.mp4 »' }).click();
    await expect(page.getByText('En pause')).toBeVisible();
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await page.reload();

    const interrupted = page.getByRole('region', { name: 'Imports interrompus' });
    await expect(interrupted.getByText(/cours-filmé\.mp4/)).toBeVisible();
    await expectNoAxeViolation(page, '.mt-upload-panel');
    const offsets: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'PATCH') offsets.push(request.headers()['upload-offset'] ?? '');
    });
    const chooser = page.waitForEvent('filechooser');
    await interrupted.getByRole('button', { name: 'Choisir les fichiers à reprendre' }).click();
    await (await chooser).setFiles(path);
    await expect(page.getByRole('region', { name: 'Imports' }).getByRole('status')).toHaveText('1 sur 1 fichier importé', {
      timeout: 30_000,
    });
    // Went on from the server's offset: the first chunk was not sent again.
    expect(offsets[0]).toBe(String(8 * 1024 * 1024));
    await expect(interrupted).toBeHidden();

    const [file] = await children(page, folderId);
    expect(file).toMatchObject({ name: 'cours-filmé.mp4', size: content.length });
    const body = await (await api(page, `/api/files/${file?.id ?? ''}/content`)).body();
    expect(body.equals(content)).toBe(true);
  });

  test('a sound plays in the preview from a download link (no token in the page’s URL)', async ({ page }) => {
    await signInWithSpace(page, 'enseignant');
    await openNewFolder(page, `Son ${unique()}`);
    await page.getByTestId('drive-file-input').setInputFiles({ name: 'dictée.wav', mimeType: 'audio/wav', buffer: wavOf(3) });
    await page.getByRole('button', { name: 'dictée.wav', exact: true }).click();
    const player = page.getByRole('dialog', { name: 'dictée.wav' }).locator('audio');
    await expect(player).toHaveAttribute('src', /^\/api\/files\/downloads\//);
    await expect.poll(() => player.evaluate((audio: HTMLAudioElement) => Math.round(audio.duration))).toBe(3);
    await expectNoAxeViolation(page, '.mt-preview');
  });

  test('a full space says so, with the way to the trash, and the file can be tried again', async ({ page }) => {
    await signInWithSpace(page, 'enseignant');
    await openNewFolder(page, `Plein ${unique()}`);
    await page.route('**/api/files/*/files?*', (route) =>
      route.fulfill({
        status: 413,
        contentType: 'application/problem+json',
        body: JSON.stringify({ title: 'Espace plein', status: 413, code: 'quota_exceeded' }),
      }),
    );
    await page.getByTestId('drive-file-input').setInputFiles({ name: 'devoir.odt', mimeType: 'application/octet-stream', buffer: Buffer.from('x') });
    const panel = page.getByRole('region', { name: 'Imports' });
    await expect(panel.getByText('Votre espace est plein.')).toBeVisible();
    await expect(panel.getByRole('link', { name: 'Libérer de la place dans la corbeille' })).toHaveAttribute('href', '/drive/corbeille');
    await expect(panel.getByRole('status')).toHaveText('0 sur 1 fichier importé · 1 en échec');

    await page.unrouteAll();
    await panel.getByRole('button', { name: 'Réessayer « devoir.odt »' }).click();
    await expect(panel.getByRole('status')).toHaveText('1 sur 1 fichier importé');
  });

  test('restore an earlier version from the preview', async ({ page }) => {
    await signInWithSpace(page, 'enseignant');
    const folderId = await openNewFolder(page, `Versions ${unique()}`);
    await page.getByTestId('drive-file-input').setInputFiles({ name: 'rapport.txt', mimeType: 'text/plain', buffer: Buffer.from('Première rédaction\n') });
    await expect(page.getByRole('button', { name: 'rapport.txt', exact: true })).toBeVisible();
    const [file] = await children(page, folderId);
    await api(page, `/api/files/${file?.id ?? ''}/content`, { method: 'PUT', data: 'Seconde rédaction\n' });

    await page.getByRole('button', { name: 'rapport.txt', exact: true }).click();
    const preview = page.getByRole('dialog', { name: 'rapport.txt' });
    await expect(preview.getByText('Seconde rédaction')).toBeVisible();
    await preview.getByRole('button', { name: 'Versions' }).click();
    const history = page.getByRole('dialog', { name: 'Historique des versions de « rapport.txt »' });
    await expect(history.getByText(/\d+\so$/)).toBeVisible();
    await expectNoAxeViolation(page, '.mt-versions-dialog');
    await history.getByRole('button', { name: /^Restaurer la version du / }).click();
    await expect(history.getByText(/Le contenu actuel deviendra une version/)).toBeVisible();
    await history.getByRole('button', { name: 'Restaurer', exact: true }).click();
    await expect(page.getByText(/a été restaurée/)).toBeVisible();
    // The restored content is the file's, and the one replaced is now a version.
    expect(await (await api(page, `/api/files/${file?.id ?? ''}/content`)).text()).toBe('Première rédaction\n');
    await page.keyboard.press('Escape');
    await expect(history).toBeHidden();
    await expect(preview.getByText('Première rédaction')).toBeVisible();

    // The same history from the file's menu in the list.
    await page.keyboard.press('Escape');
    await expect(preview).toBeHidden();
    await page.getByRole('button', { name: 'Plus d’actions pour « rapport.txt »' }).click();
    await page.getByRole('menuitem', { name: 'Historique des versions' }).click();
    await expect(history.getByRole('button', { name: /^Restaurer la version du / })).toBeVisible();
  });

  test('scan a two-page document into a PDF of the folder', async ({ page }) => {
    await signInWithSpace(page, 'enseignant');
    const folderId = await openNewFolder(page, `Scans ${unique()}`);
    await page.getByRole('button', { name: 'Autres façons d’importer' }).click();
    await page.getByRole('menuitem', { name: 'Scanner un document' }).click();
    const scanner = page.getByRole('dialog', { name: 'Scanner un document' });
    await expect(scanner.getByLabel('Nom du document')).toHaveValue(/^Scan du \d+ \S+ \d{4}$/);
    await scanner.getByTestId('drive-scan-input').setInputFiles([
      { name: 'page1.png', mimeType: 'image/png', buffer: PNG },
      { name: 'page2.png', mimeType: 'image/png', buffer: PNG },
    ]);
    await expect(scanner.getByRole('img', { name: 'Page 2' })).toBeVisible();
    await expect(scanner.getByText('2 pages', { exact: true })).toBeVisible();
    await scanner.getByRole('button', { name: 'Descendre la page 1' }).click();
    expect(await fits(page)).toBe(true);
    await expectNoAxeViolation(page, '.mt-dialog');
    await scanner.getByLabel('Nom du document').fill('Contrôle de maths');
    await scanner.getByRole('button', { name: 'Enregistrer en PDF' }).click();
    await expect(scanner).toBeHidden();
    await expect(page.getByRole('button', { name: 'Contrôle de maths.pdf', exact: true })).toBeVisible();

    const [file] = await children(page, folderId);
    expect(file?.name).toBe('Contrôle de maths.pdf');
    const pdf = await PDFDocument.load(await (await api(page, `/api/files/${file?.id ?? ''}/content`)).body());
    expect(pdf.getPageCount()).toBe(2);
  });
});
