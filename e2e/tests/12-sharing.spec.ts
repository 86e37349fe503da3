import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import type { Browser, Page } from '@playwright/test';
import { accessToken, expectNoAxeViolation, signInWithSpace } from './journey.ts';

const unique = () => `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
const PUPIL = { slug: 'eleve', name: 'Jordan Abiven' };

/** The API as the page's signed-in person; answers the status with the body. */
async function api(page: Page, path: string, init: { method?: string; data?: Record<string, unknown> } = {}) {
  const response = await page.request.fetch(path, {
    method: init.method ?? 'GET',
    headers: { Authorization: `Bearer ${await accessToken(page)}` },
    ...(init.data === undefined ? {} : { data: init.data }),
  });
  return { status: response.status(), body: (await response.json().catch(() => null)) as unknown };
}

async function person(browser: Browser, login: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInWithSpace(page, login);
  return page;
}

/** A folder at the root with one file in it, made through the UI; answers the folder's id. */
async function folderWithFile(page: Page, name: string, file: string): Promise<string> {
  const made = await api(page, '/api/files/root/folders', { method: 'POST', data: { name } });
  const id = (made.body as { id: string }).id;
  await page.goto(`/drive/dossier/${id}`);
  await page.getByTestId('drive-file-input').setInputFiles({ name: file, mimeType: 'text/plain', buffer: Buffer.from('consignes') });
  await expect(page.getByRole('rowheader', { name: new RegExp(file) })).toBeVisible();
  return id;
}

async function openShareDialog(page: Page, name: string) {
  await page.goto('/drive');
  await page.getByRole('button', { name: `Plus d’actions pour « ${name} »` }).click();
  await page.getByRole('menuitem', { name: 'Partager' }).click();
  const dialog = page.getByRole('dialog', { name: `Partager « ${name} »` });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Teacher side: the pupil chosen in the directory (by keyboard), with a role, and « Envoyer ». */
async function shareWithPupil(page: Page, name: string, role: 'write' | 'read' | 'drop') {
  const dialog = await openShareDialog(page, name);
  const to = dialog.getByRole('combobox', { name: 'À :' });
  await to.fill('Jordan');
  await expect(dialog.getByRole('option', { name: /Jordan Abiven/ })).toBeVisible();
  await to.press('ArrowDown');
  await to.press('Enter');
  const recipients = dialog.getByRole('list', { name: 'Destinataires' });
  await expect(recipients.getByText(PUPIL.name, { exact: true })).toBeVisible();
  await recipients.getByRole('combobox', { name: `Rôle de ${PUPIL.name}` }).selectOption(role);
  await dialog.getByRole('button', { name: 'Envoyer' }).click();
  await expect(page.getByRole('status').getByText(`« ${name} » est partagé avec 1 personne.`)).toBeVisible();
  return dialog;
}

/** Pupil side: « Partages » › « Reçus » › the sharing, opened in place; answers its id. */
async function openReceived(page: Page, name: string): Promise<string> {
  await page.goto('/drive/partages');
  await expect(page.getByRole('tab', { name: /Reçus/ })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('tabpanel').getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  return decodeURIComponent(new URL(page.url()).pathname.split('/')[3] ?? '');
}

test.describe('Sharing between spaces', () => {
  test('share a folder « Peut modifier », co-edit, lower to « Peut consulter », remove; a drop folder', async ({ browser }) => {
    test.setTimeout(180_000);
    const teacher = await person(browser, 'enseignant');
    const pupil = await person(browser, 'eleve');
    const folder = `Sortie ${unique()}`;
    const folderId = await folderWithFile(teacher, folder, 'programme.txt');

    // The dialog: the directory searched as one types, a chip with its role, the role explanations.
    const dialog = await shareWithPupil(teacher, folder, 'write');
    const access = dialog.getByRole('region', { name: 'Personnes ayant accès' });
    await expect(access.getByRole('combobox', { name: `Rôle de ${PUPIL.name}` })).toHaveValue('write');
    await expect(dialog.getByText('Peut déposer des fichiers sans voir ceux des autres.')).toBeVisible();
    await expect(dialog.getByRole('heading', { name: 'Ou partager par lien' })).toBeVisible();
    await expectNoAxeViolation(teacher, '.mt-share');
    await teacher.keyboard.press('Escape');
    // The list marks what one has shared.
    await expect(teacher.getByRole('row', { name: new RegExp(folder) }).getByText('Partagé')).toBeAttached();

    // The pupil finds it in « Partages », opens it in place and adds a file.
    await pupil.goto('/drive/partages');
    await expect(pupil.getByRole('tabpanel').getByRole('row', { name: new RegExp(folder) })).toContainText('Annabel Bourde');
    await expectNoAxeViolation(pupil);
    const sharingId = await openReceived(pupil, folder);
    await expect(pupil.getByText('Partagé par Annabel Bourde')).toBeVisible();
    await expect(pupil.getByRole('rowheader', { name: /programme\.txt/ })).toBeVisible();
    // Breadcrumbs start at « Partages ».
    await expect(pupil.getByRole('navigation', { name: 'Fil d’Ariane' }).getByRole('link', { name: 'Partages' })).toBeVisible();

    // Co-editing, live both ways: each sees the other's change without reloading.
    await teacher.goto(`/drive/dossier/${folderId}`);
    await expect(teacher.getByRole('rowheader', { name: /programme\.txt/ })).toBeVisible();
    await pupil.getByTestId('drive-file-input').setInputFiles({ name: 'copie-eleve.txt', mimeType: 'text/plain', buffer: Buffer.from('ma copie') });
    await expect(pupil.getByRole('rowheader', { name: /copie-eleve\.txt/ })).toBeVisible();
    await expect(teacher.getByRole('rowheader', { name: /copie-eleve\.txt/ })).toBeVisible();
    await teacher.getByTestId('drive-file-input').setInputFiles({ name: 'corrige.txt', mimeType: 'text/plain', buffer: Buffer.from('corrigé') });
    await expect(pupil.getByRole('rowheader', { name: /corrige\.txt/ })).toBeVisible();
    const renamed = await api(teacher, `/api/files/${folderId}/children`);
    const programme = (renamed.body as { items: { id: string; name: string }[] }).items.find((item) => item.name === 'programme.txt');
    expect((await api(teacher, `/api/files/${programme?.id ?? ''}`, { method: 'PATCH', data: { name: 'programme-v2.txt' } })).status).toBe(200);
    await expect(pupil.getByRole('rowheader', { name: /programme-v2\.txt/ })).toBeVisible();

    // Lowered to « Peut consulter »: no write offered, and a write through the API is refused.
    const again = await openShareDialog(teacher, folder);
    await again.getByRole('region', { name: 'Personnes ayant accès' }).getByRole('combobox', { name: /Rôle de/ }).selectOption('read');
    await expect(again.getByRole('region', { name: 'Personnes ayant accès' }).getByRole('combobox', { name: /Rôle de/ })).toHaveValue('read');
    await teacher.keyboard.press('Escape');
    // The pupil's open page follows by itself (its socket is told at once).
    await expect(pupil.getByRole('button', { name: 'Importer des fichiers' })).toHaveCount(0);
    await expect(pupil.getByRole('rowheader', { name: /copie-eleve\.txt/ })).toBeVisible();
    await expect(pupil.getByRole('button', { name: 'Nouveau dossier' })).toHaveCount(0);
    await pupil.getByRole('button', { name: 'Plus d’actions pour « programme-v2.txt »' }).click();
    await expect(pupil.getByRole('menuitem', { name: 'Renommer' })).toHaveCount(0);
    await expect(pupil.getByRole('menuitem', { name: 'Supprimer' })).toHaveCount(0);
    await pupil.keyboard.press('Escape');
    await expectNoAxeViolation(pupil);
    const write = await api(pupil, `/api/sharings/${sharingId}/files/${folderId}/folders`, { method: 'POST', data: { name: 'Interdit' } });
    expect(write.status).toBe(403);

    // « Ajouter à mon espace » (read is enough).
    await pupil.getByRole('button', { name: 'Ajouter à mon espace' }).click();
    await pupil.getByRole('dialog', { name: 'Ajouter à mon espace' }).getByRole('button', { name: 'Ajouter ici' }).click();
    await expect(pupil.getByRole('status').getByText(`« ${folder} » a été ajouté à votre espace.`)).toBeVisible();
    const mine = (await api(pupil, '/api/files/root/children')).body as { items: { id: string; name: string }[] };
    const copy = mine.items.find((item) => item.name === folder);
    const copied = (await api(pupil, `/api/files/${copy?.id ?? ''}/children`)).body as { items: { name: string }[] };
    expect(copied.items.map((item) => item.name).sort()).toEqual(['copie-eleve.txt', 'corrige.txt', 'programme-v2.txt']);

    // Removed: the open page says so by itself, at once.
    const third = await openShareDialog(teacher, folder);
    await third.getByRole('button', { name: /^Retirer / }).click();
    await expect(third.getByRole('region', { name: 'Personnes ayant accès' })).toHaveCount(0);
    await teacher.keyboard.press('Escape');
    await expect(pupil.getByText('Vous n’avez plus accès à ce partage')).toBeVisible();
    await expectNoAxeViolation(pupil);
    await pupil.getByRole('link', { name: 'Retour aux partages' }).click();
    await expect(pupil.getByRole('tabpanel').getByRole('link', { name: folder })).toHaveCount(0);

    // A drop folder: the pupil adds a file and does not see the teacher's.
    const dropName = `Dépôt ${unique()}`;
    const dropId = await folderWithFile(teacher, dropName, 'sujet.txt');
    await shareWithPupil(teacher, dropName, 'drop');
    await teacher.keyboard.press('Escape');
    await openReceived(pupil, dropName);
    await expect(pupil.getByText('Vous ne voyez que les fichiers que vous avez déposés')).toBeVisible();
    await pupil.getByTestId('drive-file-input').setInputFiles({ name: 'devoir.txt', mimeType: 'text/plain', buffer: Buffer.from('mon devoir') });
    await expect(pupil.getByRole('rowheader', { name: /devoir\.txt/ })).toBeVisible();
    await expect(pupil.getByText('sujet.txt')).toHaveCount(0);
    await teacher.goto(`/drive/dossier/${dropId}`);
    await expect(teacher.getByRole('rowheader', { name: /devoir\.txt/ })).toBeVisible();
    await expect(teacher.getByRole('rowheader', { name: /sujet\.txt/ })).toBeVisible();

    await teacher.context().close();
    await pupil.context().close();
  });

  test('a shared file opens as its preview; the pupil leaves the sharing', async ({ browser }) => {
    const teacher = await person(browser, 'enseignant');
    const pupil = await person(browser, 'eleve');
    const name = `consignes-${unique()}.txt`;
    await teacher.goto('/drive');
    await teacher.getByTestId('drive-file-input').setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from('Lire le chapitre 3') });
    await expect(teacher.getByRole('rowheader', { name: new RegExp(name) })).toBeVisible();
    const dialog = await openShareDialog(teacher, name);
    // A file cannot be a drop box.
    await dialog.getByRole('combobox', { name: 'À :' }).fill('Jordan');
    await dialog.getByRole('option', { name: /Jordan Abiven/ }).click();
    const role = dialog.getByRole('list', { name: 'Destinataires' }).getByRole('combobox', { name: `Rôle de ${PUPIL.name}` });
    await expect(role.getByRole('option')).toHaveText(['Peut modifier', 'Peut consulter']);
    await role.selectOption('read');
    await dialog.getByRole('button', { name: 'Envoyer' }).click();
    await expect(teacher.getByRole('status').getByText(`« ${name} » est partagé avec 1 personne.`)).toBeVisible();

    // On a phone: « Partages » fits the screen.
    await pupil.setViewportSize({ width: 360, height: 740 });
    await pupil.goto('/drive/partages');
    await expect(pupil.getByRole('tabpanel').getByRole('link', { name })).toBeVisible();
    expect(await pupil.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await pupil.getByRole('tabpanel').getByRole('link', { name }).click();
    const preview = pupil.getByRole('dialog', { name });
    await expect(preview.getByText('Lire le chapitre 3')).toBeVisible();
    await pupil.keyboard.press('Escape');
    await expect(pupil.getByRole('heading', { level: 1, name })).toBeVisible();

    await pupil.getByRole('button', { name: 'Quitter le partage' }).click();
    await pupil.getByRole('dialog', { name: 'Quitter le partage' }).getByRole('button', { name: 'Quitter le partage' }).click();
    await expect(pupil).toHaveURL(/\/drive\/partages$/);
    await expect(pupil.getByRole('status').getByText(`Vous avez quitté le partage « ${name} ».`)).toBeVisible();
    await expect(pupil.getByRole('tabpanel').getByRole('link', { name })).toHaveCount(0);

    // « Envoyés »: the teacher's sharing is still there, with nobody in it.
    await teacher.goto('/drive/partages');
    await teacher.getByRole('tab', { name: /Reçus/ }).press('ArrowRight');
    await expect(teacher.getByRole('tab', { name: /Envoyés/ })).toHaveAttribute('aria-selected', 'true');
    await expect(teacher.getByRole('tab', { name: /Envoyés/ })).toBeFocused();
    await expect(teacher.getByRole('tabpanel').getByRole('row', { name: new RegExp(name) })).toContainText(/0 personne(?!s)/);
    await expectNoAxeViolation(teacher);

    await teacher.context().close();
    await pupil.context().close();
  });

  test('the share dialog at 390 px: nothing wider than the screen, axe clean', async ({ browser }) => {
    // The pupil has a space (the directory lists only people who have one).
    await (await person(browser, 'eleve')).context().close();
    const page = await person(browser, 'enseignant');
    await page.setViewportSize({ width: 390, height: 844 });
    const name = `Classe ${unique()}`;
    await api(page, '/api/files/root/folders', { method: 'POST', data: { name } });
    const dialog = await openShareDialog(page, name);
    // The field's hint is read whole, not cut at the field's edge.
    const hintFits = await dialog.getByRole('combobox', { name: 'À :' }).evaluate((input: HTMLInputElement) => {
      const style = getComputedStyle(input);
      const context = document.createElement('canvas').getContext('2d');
      if (!context) return false;
      context.font = style.font;
      const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return input.placeholder !== '' && context.measureText(input.placeholder).width <= room;
    });
    expect(hintFits).toBe(true);
    await dialog.getByRole('combobox', { name: 'À :' }).fill('jordan');
    await dialog.getByRole('option', { name: /Jordan Abiven/ }).click();
    await expect(dialog.getByRole('button', { name: 'Envoyer' })).toBeInViewport();
    const fits = await dialog.evaluate((element) => element.scrollWidth <= element.clientWidth && element.getBoundingClientRect().right <= window.innerWidth);
    expect(fits).toBe(true);
    await expectNoAxeViolation(page, '.mt-share');
    await page.context().close();
  });
});
