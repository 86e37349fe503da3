import { changeLinkRoute, createLinkRoute, disableLinkRoute, listLinksRoute, unlockLinkRoute, visitLinkRoute } from '@mytoutatice/contract';
import type { CreateLinkBody, LinkUnlock, LinkVisit, PublicLink, UpdateLinkBody } from '@mytoutatice/contract';
import { createFiles } from './files.ts';
import type { FilesResource } from './files.ts';
import { createTransport } from './transport.ts';
import type { CallOptions, Transport, TransportOptions } from './transport.ts';

export type LinksResource = {
  /** The public links one made to one of one's items. */
  list(itemId: string, options?: CallOptions): Promise<PublicLink[]>;
  /** « Générer un lien » to one of one's own files or folders. */
  create(body: CreateLinkBody, options?: CallOptions): Promise<PublicLink>;
  /** Changes access, password (`null` removes it; a new one ends every unlocked visit), expiry or GPS. */
  change(id: string, body: UpdateLinkBody, options?: CallOptions): Promise<PublicLink>;
  /** « Désactiver le lien »: the code stops working at once. */
  disable(id: string, options?: CallOptions): Promise<void>;
};

export function createLinks(transport: Transport): LinksResource {
  return {
    list: async (itemId, { signal } = {}) => (await transport.call(listLinksRoute, { query: { itemId } }, { signal })).items,
    create: (body, { signal } = {}) => transport.call(createLinkRoute, { body }, { signal }),
    change: (id, body, { signal } = {}) => transport.call(changeLinkRoute, { params: { id }, body }, { signal }),
    disable: async (id, { signal } = {}) => {
      await transport.call(disableLinkRoute, { params: { id } }, { signal });
    },
  };
}

export type LinkVisitorOptions = Pick<TransportOptions, 'fetch' | 'retryDelayMs'> & {
  /** Origin of the gateway; '' for the same origin. */
  baseUrl?: string;
  code: string;
  /** The unlock token of a protected link, kept by the page (sessionStorage) between calls. */
  getUnlockToken: () => string | null | undefined;
};

/** A public link's visitor: no login, the unlock token (if any) as Bearer. */
export type LinkVisitor = {
  /** The link's code, as in `/api/links/<code>/…`. */
  readonly code: string;
  readonly transport: Transport;
  /** What the page may show: before the password of a protected link, the owner's name only. */
  visit(options?: CallOptions): Promise<LinkVisit>;
  /** The token to keep and send from now on; `wrong_password` (401) or `too_many_attempts` (429) otherwise. */
  unlock(password: string, options?: CallOptions): Promise<LinkUnlock>;
  /** The files calls on what the link opens, in the owner's space, limited by the link's access. */
  readonly files: FilesResource;
};

export function createLinkVisitor({ baseUrl = '', code, getUnlockToken, ...options }: LinkVisitorOptions): LinkVisitor {
  const transport = createTransport({ ...options, baseUrl, getToken: getUnlockToken });
  return {
    code,
    transport,
    visit: ({ signal } = {}) => transport.call(visitLinkRoute, { params: { code } }, { signal }),
    unlock: (password, { signal } = {}) => transport.call(unlockLinkRoute, { params: { code }, body: { password } }, { signal }),
    files: createFiles(transport, `/api/links/${encodeURIComponent(code)}`),
  };
}
