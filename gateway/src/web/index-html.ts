import { createHash } from 'node:crypto';
import type { InstalledApp } from '@mytoutatice/contract';
import type { ShellBuild } from './built-apps.ts';

/** What the root config reads from the page before anything else (see apps/home/src/config.ts). */
export type ShellConfig = {
  publicUrl: string;
  oidc: { authority: string; clientId: string };
  apps: InstalledApp[];
};

export type ShellPages = { index: string; silentRenew: string; importMapHash: string };

const escapeJsonForHtml = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');
const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * The Home's HTML pages: the page itself and the silent-renew frame. The import map must be
 * inline (Chromium ignores `src` on import maps), so the CSP allows exactly its hash and no
 * other inline script.
 */
export function renderShellPages(shell: ShellBuild, config: ShellConfig): ShellPages {
  const importMap = escapeJsonForHtml(shell.importMap);
  const importMapHash = `sha256-${createHash('sha256').update(importMap).digest('base64')}`;
  const head = (entry: string, extra: string) => `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>MyToutatice</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<script type="importmap">${importMap}</script>
${extra}
<script type="application/json" id="mt-config">${escapeJsonForHtml(config)}</script>
<script type="module" src="${escapeAttr(entry)}"></script>
</head>
`;
  const index = `${head(
    shell.rootConfig,
    [
      ...shell.styles.map((href) => `<link rel="stylesheet" href="${escapeAttr(href)}">`),
      ...shell.preload.map((href) => `<link rel="modulepreload" href="${escapeAttr(href)}">`),
    ].join('\n'),
  )}<body>
<div id="mt-shell"><p class="mt-boot" role="status">Chargement de MyToutatice…</p></div>
<noscript>MyToutatice a besoin de JavaScript.</noscript>
</body>
</html>
`;
  const silentRenew = `${head(shell.silentRenew, '')}<body></body>\n</html>\n`;
  return { index, silentRenew, importMapHash };
}
