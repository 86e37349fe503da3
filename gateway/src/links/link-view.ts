import type { LinkVisit, PublicLink } from '@mytoutatice/contract';
import type { LinkRecord } from './link-store.ts';

export const PUBLIC_PAGE_PREFIX = '/public';

const itemOf = (link: LinkRecord) => ({ id: link.itemId, kind: link.itemKind, name: link.itemName });

/** A link as its owner sees it. */
export function ownerView(link: LinkRecord): PublicLink {
  return {
    id: link.id,
    code: link.code,
    path: `${PUBLIC_PAGE_PREFIX}/${link.code}`,
    item: itemOf(link),
    access: link.access,
    hasPassword: link.password !== null,
    expiresAt: link.expiresAt,
    keepGps: link.keepGps,
    createdAt: link.createdAt,
  };
}

/** What the public page may show; `unlocked` false for a protected link before its password: the owner's name alone. */
export function visitorView(link: LinkRecord, unlocked: boolean): LinkVisit {
  if (!unlocked) return { needsPassword: true, ownerName: link.ownerName };
  return { needsPassword: false, ownerName: link.ownerName, item: itemOf(link), access: link.access, expiresAt: link.expiresAt };
}
