import { expect, test } from '@playwright/test';
import { entUrl } from '../playwright.config.ts';
import { DEMO_PASSWORD, signIn } from './journey.ts';

test.describe('Sign-in through the ENT and « Créer mon espace MyToutatice »', () => {
  test('a wrong password is refused by the ENT, in French, keeping the login typed', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL((url) => url.href.startsWith(entUrl));
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await page.getByLabel('Identifiant').fill('eleve');
    await page.getByLabel('Mot de passe').fill('pas-le-bon');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page.getByText('Identifiant ou mot de passe incorrect.')).toBeVisible();
    await expect(page.getByLabel('Identifiant')).toHaveValue('eleve');
    await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page.getByRole('heading', { name: 'Créer mon espace MyToutatice' })).toBeVisible();
  });

  test('a pupil chooses a valid email, sees the read-only address, must accept the CGU, then gets the Home', async ({ page }) => {
    await signIn(page, 'eleve', '/drive');
    // Without a space, any route shows the onboarding.
    await expect(page).toHaveURL('/onboarding');
    await expect(page.getByRole('heading', { name: 'Créer mon espace MyToutatice' })).toBeVisible();

    const email = page.getByLabel('Adresse e-mail');
    await expect(email).toHaveValue('jordan.abiven@eleve.ac-rennes.fr');
    await expect(email).toBeEditable();
    await email.fill('jordan@@exemple');
    await page.getByRole('button', { name: 'Continuer' }).click();
    await expect(page.getByText('Saisissez une adresse e-mail valide')).toBeVisible();
    await expect(email).toHaveAttribute('aria-invalid', 'true');
    await email.fill('jordan.abiven@exemple.fr');
    await page.getByRole('button', { name: 'Continuer' }).click();

    const address = page.getByLabel('Adresse de mon espace');
    await expect(address).toHaveValue('eleve.mytoutatice.cloud');
    await expect(address).not.toBeEditable();
    await page.getByRole('button', { name: 'Continuer' }).click();

    await expect(page.getByRole('heading', { name: 'Les engagements de Toutatice.fr' })).toBeVisible();
    await page.getByRole('button', { name: 'Accepter et continuer' }).click();
    await expect(page.getByText('Vous devez accepter les CGU')).toBeVisible();
    await expect(page.getByLabel('J’ai pris connaissance des CGU et je les accepte.')).toHaveAttribute('aria-invalid', 'true');
    await page.getByLabel('J’ai pris connaissance des CGU et je les accepte.').check();
    await page.getByRole('button', { name: 'Accepter et continuer' }).click();

    await expect(page).toHaveURL('/');
    await expect(page.getByRole('heading', { name: 'Bonjour Jordan Abiven' })).toBeVisible();
    const apps = page.getByRole('region', { name: 'Applications' });
    for (const name of ['Drive', 'Notes', 'Contacts', 'Photos', 'Store']) {
      await expect(apps.getByRole('link', { name })).toBeVisible();
    }
    const connectors = page.getByRole('region', { name: 'Connecteurs' });
    await expect(connectors.getByText('Aucun connecteur pour l’instant')).toBeVisible();
    await expect(connectors.getByRole('link', { name: 'Ajouter des connecteurs depuis le Store' })).toHaveAttribute('href', '/store');

    // The space survives a reload: no onboarding the second time.
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Bonjour Jordan Abiven' })).toBeVisible();
  });

  test('a staff member keeps their professional email, read-only', async ({ page }) => {
    await signIn(page, 'agent');
    const email = page.getByLabel('Adresse e-mail');
    await expect(email).toHaveValue('yannick.bre@ac-rennes.fr');
    await expect(email).not.toBeEditable();
    await expect(page.getByText('Pour les personnels : adresse de messagerie professionnelle, non modifiable.')).toBeVisible();
  });
});
