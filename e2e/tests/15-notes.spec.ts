import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { expectKeptForOffline, expectNoAxeViolation, noteText, openAsReader, signInWithSpace, startNote } from './journey.ts';

test.describe('Notes', () => {
  test('create a note, write a heading and text, see « Enregistré », find it after a reload, in the list and by a word of its text', async ({ page }) => {
    const word = `tournesol${Date.now()}`;
    await signInWithSpace(page, 'eleve');
    await page.goto('/notes');
    await expect(page.getByRole('heading', { level: 1, name: 'Notes' })).toBeVisible();

    await page.getByRole('button', { name: 'Ajouter une note' }).click();
    await expect(page).toHaveURL(/\/notes\/[^/]+$/);
    const text = noteText(page);
    await text.click();
    // Markdown input rule: « # » then a space makes a heading.
    await page.keyboard.type('# Sortie au musée');
    await page.keyboard.press('Enter');
    await page.keyboard.type(`Prévoir le pique-nique et le ${word}.`);
    await expect(text.getByRole('heading', { level: 1, name: 'Sortie au musée' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Enregistré' })).toBeVisible();

    await page.reload();
    await expect(noteText(page)).toContainText(`Prévoir le pique-nique et le ${word}.`);
    await expect(page.getByRole('status').filter({ hasText: 'Enregistré' })).toBeVisible();
    const noteUrl = page.url();

    await page.getByRole('link', { name: 'Toutes les notes' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Notes récentes' })).toBeVisible();
    // Newest change first: the note just written heads the list.
    await expect(page.getByRole('table', { name: 'Notes récentes' }).getByRole('row').nth(1)).toContainText(/Sortie au musée|Nouvelle note/);
    await page.getByRole('searchbox', { name: 'Rechercher dans les notes' }).fill(word);
    const found = page.getByRole('table', { name: 'Notes récentes' }).getByRole('link');
    await expect(found).toHaveCount(1);
    await found.click();
    await expect(page).toHaveURL(noteUrl);
  });

  test('the toolbar is reachable and the note screen is axe clean on a 390 px phone, status shown', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 800 });
    await signInWithSpace(page, 'eleve');
    await page.goto('/notes');
    await page.getByRole('button', { name: 'Ajouter une note' }).click();
    await expect(page.getByRole('toolbar', { name: 'Mise en forme' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: /Enregistré|Enregistrement…/ })).toBeInViewport();
    await expectNoAxeViolation(page);
  });

  test('two sessions co-edit live and see each other’s caret; one goes offline, keeps typing, reloads still offline, keeps typing, comes back and both converge', async ({ browser }) => {
    const one = await browser.newContext();
    const two = await browser.newContext();
    const a = await one.newPage();
    const b = await two.newPage();
    const { text: textA } = await startNote(a, 'enseignant');
    await a.keyboard.type('# Conseil de classe');
    await a.keyboard.press('Enter');
    await a.keyboard.type('Ordre du jour');
    await expect(a.getByRole('status').filter({ hasText: 'Enregistré' })).toBeVisible();

    await signInWithSpace(b, 'enseignant');
    await b.goto(a.url());
    const textB = noteText(b);
    await expect(textB).toContainText('Ordre du jour');
    // B types at the end; A sees it, and B's caret with B's name.
    await textB.click();
    await b.keyboard.press('ControlOrMeta+End');
    await b.keyboard.press('Enter');
    await b.keyboard.type('[ ] Bulletins');
    await expect(textA.getByRole('checkbox')).toHaveCount(1);
    await expect(textA).toContainText('Bulletins');
    await expect(a.locator('.collaboration-carets__label')).toContainText(/\S/);

    // A goes offline and keeps typing: the status says so, nothing reaches B yet.
    await expectKeptForOffline(a);
    await one.setOffline(true);
    await expect(a.getByRole('status').filter({ hasText: 'Hors ligne — vos modifications sont gardées sur cet appareil' })).toBeVisible({ timeout: 15_000 });
    await textA.click();
    await a.keyboard.press('ControlOrMeta+End');
    await a.keyboard.press('Enter');
    await a.keyboard.type('Écrit hors ligne');
    await b.keyboard.type(' et relevés');
    await expect(textB).not.toContainText('Écrit hors ligne');
    // Still offline, A reloads: the page comes from the service worker, the note from this
    // device, with what was typed offline, its title from its first heading, and says so at once.
    await a.reload();
    await expect(textA).toContainText('Écrit hors ligne');
    await expect(a.getByRole('status').filter({ hasText: 'Hors ligne — vos modifications sont gardées sur cet appareil' })).toBeVisible();
    await expect(a.getByRole('status').filter({ hasText: 'Hors ligne : MyToutatice affiche ce qui est gardé sur cet appareil.' })).toBeVisible();
    await expect(a.locator('.mt-note').getByRole('heading', { level: 1 }).first()).toHaveText('Conseil de classe');
    await textA.click();
    await a.keyboard.press('ControlOrMeta+End');
    await a.keyboard.type(' puis relu');
    await expect(textA).toContainText('Écrit hors ligne puis relu');
    // Back online: both converge, without a conflict copy.
    await one.setOffline(false);
    await expect(textB).toContainText('Écrit hors ligne puis relu', { timeout: 20_000 });
    await expect(textA).toContainText('Bulletins et relevés');
    await expect(a.getByRole('status').filter({ hasText: 'Enregistré' })).toBeVisible();
    await expect(b.getByRole('status').filter({ hasText: 'Enregistré' })).toBeVisible();
    await one.close();
    await two.close();
  });

  test('the history shows earlier versions, restoring one reaches the editor live, and the download is Markdown', async ({ page }) => {
    await signInWithSpace(page, 'agent');
    await page.goto('/notes');
    await page.getByRole('button', { name: 'Ajouter une note' }).click();
    const text = noteText(page);
    await text.click();
    await page.keyboard.type('## Inventaire');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Première version');
    await expect(page.getByRole('status').filter({ hasText: 'Enregistré' })).toBeVisible();
    // The Markdown file follows within seconds; the next change makes the first a version.
    await page.waitForTimeout(2500);
    await page.keyboard.press('Enter');
    await page.keyboard.type('Ajout à effacer');
    await expect(page.getByRole('status').filter({ hasText: 'Enregistré' })).toBeVisible();
    await page.waitForTimeout(2500);

    await page.getByRole('button', { name: 'Historique' }).click();
    const history = page.getByRole('dialog', { name: 'Historique' });
    const versions = history.getByRole('list', { name: 'Versions' }).getByRole('button');
    await expect(versions.first()).toBeVisible();
    // Versions are kept as the note is written: the one with the whole first line and nothing after.
    const preview = history.getByRole('textbox', { name: /Aperçu de la version/ });
    let found = false;
    for (let i = 0; i < (await versions.count()) && !found; i++) {
      await versions.nth(i).click();
      await expect(preview).toBeVisible();
      found = (await preview.innerText()).trim().endsWith('Première version');
    }
    expect(found).toBe(true);
    await history.getByRole('button', { name: 'Restaurer cette version' }).click();
    await expect(text).not.toContainText('Ajout à effacer', { timeout: 15_000 });
    await expect(text).toContainText('Première version');

    await page.getByRole('button', { name: 'Plus d’actions sur la note' }).click();
    const downloading = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: 'Télécharger' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('Inventaire.md');
    const markdown = await (await import('node:fs/promises')).readFile((await download.path()) ?? '', 'utf8');
    expect(markdown).toContain('## Inventaire');
    expect(markdown).toContain('Première version');
  });

  test('a person given « Peut consulter » sees the note change live, mentions of them included, and cannot type in it', async ({ browser }) => {
    const ownerContext = await browser.newContext();
    const readerContext = await browser.newContext();
    const owner = await ownerContext.newPage();
    const reader = await readerContext.newPage();
    const { id: noteId, text: ownerText } = await startNote(owner, 'enseignant');
    await owner.keyboard.type('Consignes de la sortie');
    await expect(owner.getByRole('status').filter({ hasText: 'Enregistré' })).toBeVisible();
    await openAsReader(owner, reader, noteId, 'eleve');
    const readerText = noteText(reader);
    await expect(readerText).toContainText('Consignes de la sortie');
    await expect(reader.getByText('Lecture seule')).toBeVisible();
    await expect(readerText).toHaveAttribute('contenteditable', 'false');
    await expect(reader.getByRole('toolbar', { name: 'Mise en forme' })).toHaveCount(0);

    await owner.keyboard.type(' : rendez-vous à 8 h');
    await expect(readerText).toContainText('Consignes de la sortie : rendez-vous à 8 h');
    // « @ » offers people of the directory; Enter mentions the one chosen, whom the reader sees too.
    await owner.keyboard.type(' avec @Jor');
    const people = owner.getByRole('listbox', { name: 'Mentionner une personne' });
    await expect(people.getByRole('option', { name: 'Jordan Abiven' })).toBeVisible();
    await expectNoAxeViolation(owner);
    await owner.keyboard.press('Enter');
    await expect(people).toHaveCount(0);
    await expect(ownerText.locator('[data-type="mention"]')).toHaveText('@Jordan Abiven');
    await expect(readerText.locator('[data-type="mention"]')).toHaveText('@Jordan Abiven');
    await readerText.click();
    await reader.keyboard.type('XYZ');
    await expect(readerText).not.toContainText('XYZ');
    await expect(ownerText).not.toContainText('XYZ');
    // The history is there to read, not to restore.
    await reader.getByRole('button', { name: 'Historique' }).click();
    await expect(reader.getByRole('dialog', { name: 'Historique' })).toBeVisible();
    await expect(reader.getByRole('button', { name: 'Restaurer cette version' })).toHaveCount(0);
    await ownerContext.close();
    await readerContext.close();
  });

  test('the storage killed and restarted during edits loses nothing: both editors converge', async ({ browser }) => {
    const one = await browser.newContext();
    const two = await browser.newContext();
    const a = await one.newPage();
    const b = await two.newPage();
    await startNote(a, 'agent');
    await a.keyboard.type('Avant la panne');
    await signInWithSpace(b, 'agent');
    await b.goto(a.url());
    const textB = noteText(b);
    await expect(textB).toContainText('Avant la panne');

    // kill -9 of the storage while A types; the runner (scripts/start.ts) starts it again.
    const storagePid = Number(readFileSync(join(process.env.MT_E2E_DATA ?? '', 'storage.pid'), 'utf8'));
    const typing = a.keyboard.type(', pendant la panne', { delay: 40 });
    await a.waitForTimeout(200);
    process.kill(storagePid, 'SIGKILL');
    await typing;
    await a.keyboard.type(' et après.');
    await expect(textB).toContainText('Avant la panne, pendant la panne et après.', { timeout: 30_000 });
    await expect(a.getByRole('status').filter({ hasText: 'Enregistré' })).toBeVisible({ timeout: 30_000 });
    // What the server kept: a fresh page shows all of it.
    await b.reload();
    await expect(noteText(b)).toContainText('Avant la panne, pendant la panne et après.');
    await one.close();
    await two.close();
  });
});
