import type { Browser } from '@playwright/test';
import type { SessionState } from '../lib/browser.ts';
import type { FiftyPageNote } from './fifty-page-note.ts';

/** The editor as the Notes app renders it (Tiptap: ProseMirror's contenteditable, role textbox). */
const EDITOR = '[role="textbox"][contenteditable="true"], [role="textbox"] [contenteditable="true"], .ProseMirror[contenteditable="true"]';

export type OpenTimes = { firstPaint: number; editable: number };

/**
 * One cold open of a note's page (new context: no cache, the ENT session cookie only), timed from
 * navigation: first paint when the note's first section heading is on screen, editable when the
 * editor is contenteditable and holds the note's last paragraph (all 50 pages are in).
 */
export async function openNoteCold(browser: Browser, storageState: SessionState, url: string, note: FiftyPageNote, timeoutMs: number): Promise<OpenTimes> {
  const context = await browser.newContext({ storageState });
  try {
    const page = await context.newPage();
    const start = Date.now();
    await page.goto(url);
    await page.getByRole('heading', { name: note.firstSection }).first().waitFor({ timeout: timeoutMs });
    const firstPaint = Date.now() - start;
    await page.waitForFunction(
      ([selector, words]) => document.querySelector(selector as string)?.textContent?.includes(words as string) === true,
      [EDITOR, note.lastWords],
      { timeout: timeoutMs },
    );
    return { firstPaint, editable: Date.now() - start };
  } finally {
    await context.close();
  }
}

/** The reference of the same run: a cold load of the Home until its app grid shows (as bench/home-load). */
export async function openHomeCold(browser: Browser, storageState: SessionState, url: string): Promise<number> {
  const context = await browser.newContext({ storageState });
  try {
    const page = await context.newPage();
    const start = Date.now();
    await page.goto(url);
    await page.getByRole('heading', { name: 'Applications' }).waitFor();
    return Date.now() - start;
  } finally {
    await context.close();
  }
}
