import type { InstalledApp } from '@mytoutatice/contract';

/** What the gateway puts in the page (gateway/src/web/index-html.ts renders it). */
export type ShellConfig = {
  publicUrl: string;
  oidc: { authority: string; clientId: string };
  apps: InstalledApp[];
};

export function readShellConfig(doc: Document = document): ShellConfig {
  const node = doc.getElementById('mt-config');
  if (!node?.textContent) throw new Error('mt-config is missing from the page');
  return JSON.parse(node.textContent) as ShellConfig;
}
