import { expect, test } from '@playwright/test';
import { signInWithSpace } from './journey.ts';

// React core alone carries this message (react-dom and the jsx runtime do not).
const REACT_CORE_MARKER = 'React.Children.only expected to receive a single React element child.';

test.describe('The Home and its apps', () => {
  test('each app opens at its own route without reloading the page; back and forward work', async ({ page }) => {
    await signInWithSpace(page, 'eleve');
    await page.evaluate(() => {
      (window as unknown as { mtNoReload: boolean }).mtNoReload = true;
    });
    const firstScreens: Record<string, string> = {
      Drive: 'Ce dossier est vide',
      Notes: 'Aucune note pour l’instant',
      Contacts: 'Aucun contact pour l’instant',
      Photos: 'Aucun album pour l’instant',
      Store: 'Applications',
    };
    for (const [name, text] of Object.entries(firstScreens)) {
      await page.getByRole('link', { name: 'MyToutatice' }).click();
      await page.getByRole('region', { name: 'Applications' }).getByRole('link', { name }).click();
      await expect(page).toHaveURL(`/${name.toLowerCase()}`);
      await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
      await expect(page.getByText(text).first()).toBeVisible();
    }
    await page.goBack();
    await expect(page.getByRole('heading', { name: 'Applications' })).toBeVisible();
    await page.goBack();
    await expect(page).toHaveURL('/photos');
    await page.goForward();
    await page.goForward();
    await expect(page).toHaveURL('/store');
    expect(await page.evaluate(() => (window as unknown as { mtNoReload?: boolean }).mtNoReload)).toBe(true);
  });

  test.describe(() => {
    // Every script must come from the network to be read here: the Home's service worker would
    // answer some from its cache, out of reach of routing, and their bodies out of reach too.
    test.use({ serviceWorkers: 'block' });

    test('the page holds exactly one React, shared by every app through the import map', async ({ page }) => {
      await signInWithSpace(page, 'eleve');
      // Routing turns the HTTP cache off: every script of the reload below comes from the network.
      await page.route('**/*', (route) => route.continue());
      // Bodies are read as they arrive: Chromium drops them once the page moves on.
      const scripts: Promise<{ path: string; body: string }>[] = [];
      page.on('response', (r) => {
        if (r.request().resourceType() === 'script') scripts.push(r.text().then((body) => ({ path: new URL(r.url()).pathname, body })));
      });
      await page.reload();
      await expect(page.getByRole('heading', { name: 'Applications' })).toBeVisible();
      for (const route of ['/drive', '/notes', '/contacts', '/photos', '/store']) {
        // In-page navigation: each app's scripts are fetched once.
        await page.evaluate((path) => window.history.pushState(null, '', path), route);
        await expect(page.locator(`#mt-app-${route.slice(1)} h1`)).toBeVisible();
      }
      const loaded = await Promise.all(scripts);
      expect(loaded.filter((s) => s.path.startsWith('/apps/')).length).toBeGreaterThanOrEqual(5);
      const withReact = loaded.filter((s) => s.body.includes(REACT_CORE_MARKER)).map((s) => s.path);
      expect(withReact).toHaveLength(1);
      expect(withReact[0]).toMatch(/^\/shared\//);
    });
  });

  test('an app that fails to load shows an error panel in its area; the shell and other apps keep working', async ({ page }) => {
    await signInWithSpace(page, 'eleve');
    // The context's routes, not the page's: the Home's service worker fetches the bundles, and a page's routes never see its requests.
    await page.context().route(/\/apps\/notes\/notes-[^/]+\.js$/, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: 'export const broken = ;' }));
    await page.getByRole('region', { name: 'Applications' }).getByRole('link', { name: 'Notes' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Notes n’a pas pu se charger' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Réessayer' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'MyToutatice' })).toBeVisible();
    await page.getByRole('link', { name: 'MyToutatice' }).click();
    await page.getByRole('region', { name: 'Applications' }).getByRole('link', { name: 'Drive' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Drive' })).toBeVisible();
  });
});
