import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';

const root = fileURLToPath(new URL('..', import.meta.url));
// Set once in the main process; workers inherit it, so they share the one fresh system.
process.env.MT_E2E_DATA ??= mkdtempSync(join(tmpdir(), 'mytoutatice-e2e-'));

export const ports = { gateway: 18080, ent: 18090, storage: 18081 };
export const publicUrl = `http://localhost:${ports.gateway}`;
export const entUrl = `http://localhost:${ports.ent}`;

export default defineConfig({
  testDir: './tests',
  // The journeys share one running system and its demo accounts, in the order of the files.
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]] : 'list',
  outputDir: 'test-results',
  use: {
    baseURL: publicUrl,
    locale: 'fr-FR',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      // Under a C locale Chromium cannot name downloads with accents or emoji (it falls back to
      // "download"); people's desktops are UTF-8.
      env: { ...process.env, LANG: 'C.UTF-8' },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: 'node --conditions=mytoutatice-source scripts/start.ts',
    cwd: root,
    url: `${publicUrl}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      DATA_DIR: process.env.MT_E2E_DATA,
      PORT: String(ports.gateway),
      ENT_PORT: String(ports.ent),
      STORAGE_PORT: String(ports.storage),
      SEED_DEMO: '0',
      // Short-lived access tokens, so that a journey sees the shell renew one (silent renew).
      ACCESS_TOKEN_TTL: '75',
      LOG_LEVEL: 'warn',
    },
  },
});
