import { renderToString } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FileDoc, PublicLink } from '@mytoutatice/contract';
import { createClient } from '@mytoutatice/sdk';
import { MyToutaticeProvider, createQueryClient, queryKeys } from '@mytoutatice/sdk/react';
import { LinkSection } from './link-section.tsx';

const now = '2026-11-29T00:00:00.000Z';
const folder: FileDoc = {
  id: 'f1',
  type: 'directory',
  name: 'Sortie',
  parentId: 'root',
  size: null,
  mime: null,
  sha256: null,
  createdAt: now,
  updatedAt: now,
  uploadedAt: null,
  trashedAt: null,
  favorite: false,
  createdBy: null,
  tags: [],
  metadata: {},
};
const code = 'A'.repeat(43);

/** The section as first drawn, with the item's links already known (no request made). */
function drawn(links: PublicLink[]): string {
  const queryClient = createQueryClient();
  queryClient.setQueryData(queryKeys.links(folder.id), links);
  const client = createClient({ getToken: () => 'token', fetch: () => Promise.reject(new Error('no request expected')) });
  return renderToString(
    <MyToutaticeProvider client={client} queryClient={queryClient}>
      <LinkSection item={folder} />
    </MyToutaticeProvider>,
  );
}

describe(LinkSection.name, () => {
  beforeAll(() => vi.stubGlobal('location', new URL('https://mytoutatice.test/drive')));
  afterAll(() => vi.unstubAllGlobals());

  it('offers « Générer un lien », read-only by default, with an expiry proposed 30 days ahead', () => {
    const html = drawn([]);
    expect(html).toContain('Générer un lien');
    expect(html.match(/<input type="radio"[^>]*>/g)?.map((radio) => `${/value="(\w+)"/.exec(radio)?.[1]}:${radio.includes('checked')}`)).toEqual([
      'read:true',
      'write:false',
    ]);
    expect(html).toContain('Peut modifier');
    expect(html).toContain('Mot de passe');
    const proposed = new Date();
    proposed.setDate(proposed.getDate() + 30);
    const pad = (n: number) => String(n).padStart(2, '0');
    expect(html).toContain(`value="${proposed.getFullYear()}-${pad(proposed.getMonth() + 1)}-${pad(proposed.getDate())}"`);
    expect(html).toContain('Sans date d’expiration');
  });

  it('shows a made link as « Lien activé », with its address, « Copier le lien » and « Désactiver le lien »', () => {
    const html = drawn([
      {
        id: 'B'.repeat(22),
        code,
        path: `/public/${code}`,
        item: { id: folder.id, kind: 'folder', name: folder.name },
        access: 'write',
        hasPassword: true,
        expiresAt: null,
        keepGps: false,
        createdAt: now,
      },
    ]);
    expect(html).toContain('Lien activé');
    expect(html).toContain('Peut modifier, protégé par un mot de passe, sans date d’expiration');
    expect(html).toContain(`value="https://mytoutatice.test/public/${code}"`);
    expect(html).toContain('Copier le lien');
    expect(html).toContain('Désactiver le lien');
    expect(html).not.toContain('Générer un lien');
  });
});
