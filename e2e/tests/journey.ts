import AxeBuilder from '@axe-core/playwright';
import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { entUrl } from '../playwright.config.ts';

export const DEMO_PASSWORD = 'demo';

/** From any page of the Home, through the ENT's login form, back to the Home. */
export async function signIn(page: Page, login: string, path = '/'): Promise<void> {
  await page.goto(path);
  await expect(page).toHaveURL((url) => url.href.startsWith(entUrl));
  await page.getByLabel('Identifiant').fill(login);
  await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page).not.toHaveURL((url) => url.href.startsWith(entUrl));
}

/** Goes through the three onboarding steps, accepting the CGU. */
export async function completeOnboarding(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Créer mon espace MyToutatice' })).toBeVisible();
  await page.getByRole('button', { name: 'Continuer' }).click();
  await page.getByRole('button', { name: 'Continuer' }).click();
  await page.getByLabel('J’ai pris connaissance des CGU et je les accepte.').check();
  await page.getByRole('button', { name: 'Accepter et continuer' }).click();
  await expect(page.getByRole('heading', { name: 'Applications' })).toBeVisible();
}

/** Signs in and, the first time, creates the space: the Home is shown after it. */
export async function signInWithSpace(page: Page, login: string): Promise<void> {
  await signIn(page, login);
  const home = page.getByRole('heading', { name: 'Applications' });
  const onboarding = page.getByRole('heading', { name: 'Créer mon espace MyToutatice' });
  await expect(home.or(onboarding)).toBeVisible();
  if (await onboarding.isVisible()) await completeOnboarding(page);
}

/** The access token the shell holds (oidc-client-ts keeps the user in sessionStorage). */
export async function accessToken(page: Page): Promise<string> {
  const token = await page.evaluate(() => {
    for (let i = 0; i < sessionStorage.length; i++) {
      const key = sessionStorage.key(i) ?? '';
      if (key.startsWith('oidc.user:')) return (JSON.parse(sessionStorage.getItem(key) ?? '{}') as { access_token?: string }).access_token;
    }
    return undefined;
  });
  if (!token) throw new Error('no access token in the page');
  return token;
}

/** Fails with the list of what axe finds on the page as it is. */
export async function expectNoAxeViolation(page: Page, include?: string): Promise<void> {
  const builder = new AxeBuilder({ page });
  const { violations } = await (include === undefined ? builder : builder.include(include)).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** The person's menu in the bar (settings, sign out): the bar's button that is not « Notifications ». */
export function userMenu(page: Page): Locator {
  return page.getByRole('navigation', { name: 'MyToutatice' }).getByRole('button', { name: /^(?!Notifications)/ });
}

/**
 * Waits until the Home's service worker controls the page and keeps every bundle the page loaded:
 * from then on a reload works offline.
 */
export async function expectKeptForOffline(page: Page): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          if (!navigator.serviceWorker.controller) return 'no service worker yet';
          const bundles = performance
            .getEntriesByType('resource')
            .map((entry) => entry.name)
            .filter((url) => /^\/(shared|shell|apps)\//.test(new URL(url).pathname));
          const missing: string[] = [];
          for (const url of bundles) if (!(await caches.match(url))) missing.push(url);
          return missing.length === 0 ? 'kept' : `missing ${missing.join(' ')}`;
        }),
      { timeout: 15_000 },
    )
    .toBe('kept');
}

/** A 4×4 red PNG: small, and a picture the browser really draws. */
export const SMALL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR4nGM4oKAARwzEcQCqQxABtaashgAAAABJRU5ErkJggg==',
  'base64',
);

/** A note's text in its editor. */
export const noteText = (page: Page): Locator => page.getByRole('textbox', { name: 'Texte de la note' });

/** Signs `login` in (with a space) and makes a note with « Ajouter une note »: its id, and its text, focused. */
export async function startNote(page: Page, login: string): Promise<{ id: string; text: Locator }> {
  await signInWithSpace(page, login);
  await page.goto('/notes');
  await page.getByRole('button', { name: 'Ajouter une note' }).click();
  await expect(page).toHaveURL(/\/notes\/[^/]+$/);
  const text = noteText(page);
  await text.click();
  return { id: decodeURIComponent(page.url().split('/').at(-1) ?? ''), text };
}

/** The owner (signed in on `owner`) gives `slug` « Peut consulter » on a note, who opens it there through the sharing. */
export async function openAsReader(owner: Page, reader: Page, noteId: string, slug: string): Promise<void> {
  await signInWithSpace(reader, slug);
  const shared = await owner.request.post('/gateway/sharings', {
    headers: { authorization: `Bearer ${await accessToken(owner)}` },
    data: { itemId: noteId, members: [{ slug, role: 'read' }] },
  });
  expect(shared.status()).toBe(201);
  const sharingId = ((await shared.json()) as { id: string }).id;
  await reader.goto(`/notes/partages/${sharingId}/${noteId}`);
}
