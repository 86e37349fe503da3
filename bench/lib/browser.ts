import { chromium } from '@playwright/test';
import type { Browser, BrowserContext } from '@playwright/test';

export type SessionState = Awaited<ReturnType<BrowserContext['storageState']>>;

/** Debian's Chromium, headless, without the background traffic this closed network refuses. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * Signs `login` in once through the ENT's form (password `demo`): later contexts made with the
 * state carry the ENT session cookie but no cache.
 */
export async function browserSession(browser: Browser, publicUrl: string, login: string): Promise<SessionState> {
  const warm = await browser.newContext();
  const page = await warm.newPage();
  await page.goto(publicUrl);
  await page.getByLabel('Identifiant').fill(login);
  await page.getByLabel('Mot de passe').fill('demo');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('heading', { name: 'Applications' }).waitFor();
  const state = await warm.storageState();
  await warm.close();
  return state;
}
