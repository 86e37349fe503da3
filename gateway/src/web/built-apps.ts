import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AppManifest } from '@mytoutatice/contract';
import type { InstalledApp } from '@mytoutatice/contract';
import { AssetStore } from './asset-store.ts';

/** What the Home's build writes as `shell.json`: the root config and the shared modules. */
export const ShellBuild = z.object({
  rootConfig: z.string(),
  /** Script of the hidden frame oidc-client-ts renews tokens in. */
  silentRenew: z.string(),
  styles: z.array(z.string()),
  preload: z.array(z.string()),
  importMap: z.object({ imports: z.record(z.string(), z.string()) }),
});
export type ShellBuild = z.infer<typeof ShellBuild>;

export type BuiltApps = {
  shell: ShellBuild;
  apps: InstalledApp[];
  assets: AssetStore;
  /** The public link page's HTML (`apps/public`), when built: a page of its own, no shell, no sign-in. */
  publicPage: string | undefined;
};

/** Where the public link page's bundles are served (its Vite `base`). */
export const PUBLIC_PAGE_ASSETS = '/public-page';

/**
 * Reads the built shell (`apps/home/dist`) and every app beside it that has a
 * `dist/manifest.json`. Apps are released independently: a new build of one app is picked up
 * by loading them again, without rebuilding the others.
 */
export function loadBuiltApps(appsDir: string): BuiltApps {
  const homeDist = join(appsDir, 'home', 'dist');
  const shellFile = join(homeDist, 'shell.json');
  if (!existsSync(shellFile)) {
    throw new Error(`The Home is not built (${shellFile} is missing): run \`pnpm build\` first.`);
  }
  const shell = ShellBuild.parse(JSON.parse(readFileSync(shellFile, 'utf8')));
  const assets = new AssetStore();
  assets.addDirectory('', homeDist, (rel) => rel === 'shell.json');

  const apps: InstalledApp[] = [];
  for (const dirName of readdirSync(appsDir).sort()) {
    const dist = join(appsDir, dirName, 'dist');
    const manifestFile = join(dist, 'manifest.json');
    if (dirName === 'home' || dirName === 'public' || !existsSync(manifestFile)) continue;
    const manifest = AppManifest.parse(JSON.parse(readFileSync(manifestFile, 'utf8')));
    const base = `/apps/${manifest.slug}`;
    assets.addDirectory(base, dist);
    apps.push({
      ...manifest,
      entryUrl: `${base}/${manifest.entry}`,
      styleUrls: manifest.styles.map((s) => `${base}/${s}`),
      iconUrl: `${base}/${manifest.icon}`,
    });
  }
  const publicDist = join(appsDir, 'public', 'dist');
  const publicHtml = join(publicDist, 'index.html');
  const publicPage = existsSync(publicHtml) ? readFileSync(publicHtml, 'utf8') : undefined;
  if (publicPage !== undefined) assets.addDirectory(PUBLIC_PAGE_ASSETS, publicDist, (rel) => rel === 'index.html');
  return { shell, apps, assets, publicPage };
}
