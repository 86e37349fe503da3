import { FILES_TYPE, LinkCode } from '@mytoutatice/contract';
import { HttpError, notFound } from '@mytoutatice/server-kit';
import type { InternalTokenMinter } from '../auth/internal-token.ts';
import type { Directory } from '../directory/directory.ts';
import type { Caller } from '../proxy/resolve-caller.ts';
import type { LinkRecord, LinkStore } from './link-store.ts';
import type { UnlockTokens } from './unlock-token.ts';

export type LinkAccessDeps = { links: LinkStore; unlockTokens: UnlockTokens; directory: Directory; mint: InternalTokenMinter };

const LINKED_PATH = /^\/links\/([^/?]*)(.*)$/;

/** `/links/<code>/<storage path>` → the code and the storage path; undefined for any other path. */
export function linkedPath(path: string): { code: string; path: string } | undefined {
  const match = LINKED_PATH.exec(path);
  if (!match) return undefined;
  const rest = match[2] ?? '';
  return { code: match[1] ?? '', path: rest.startsWith('/') ? rest : `/${rest}` };
}

function linkNotFound(): HttpError {
  return notFound('Ce lien n’existe pas ou plus.');
}

function passwordRequired(): HttpError {
  return new HttpError(401, 'password_required', 'Ce lien est protégé par un mot de passe.', { headers: { 'www-authenticate': 'Bearer' } });
}

/** Not expired (a disabled link is no longer in the store). */
export function isLive(link: LinkRecord, now = Date.now()): boolean {
  return link.expiresAt === null || Date.parse(link.expiresAt) > now;
}

/** The live link a code names: 404 for a malformed, unknown, disabled or expired one (all alike to a visitor). */
export async function liveLink(links: LinkStore, rawCode: string): Promise<LinkRecord> {
  const code = LinkCode.safeParse(rawCode);
  const link = code.success ? await links.byCode(code.data) : undefined;
  if (!link || !isLive(link)) throw linkNotFound();
  return link;
}

/** Whether the visitor may see the link's item: no password, or a token proving the current one. */
export async function isUnlocked(unlockTokens: UnlockTokens, link: LinkRecord, token: string | undefined): Promise<boolean> {
  return link.password === null || (await unlockTokens.opens(token, link));
}

/**
 * The one authorization check of everything a public link opens (listing, metadata, content,
 * download links, zip, upload): the link is read again on every call, so disabling it, its
 * expiry or a new password hold from the next request. Forwarded to the owner's node with a
 * `visitor` token limited to the item, `write` only for « Peut modifier ».
 */
export async function resolveLinkCaller(deps: LinkAccessDeps, token: string | undefined, rawCode: string): Promise<Caller> {
  const link = await liveLink(deps.links, rawCode);
  const space = await deps.directory.find(link.ownerSub);
  if (!space) throw linkNotFound();
  if (!(await isUnlocked(deps.unlockTokens, link, token))) throw passwordRequired();
  const internalToken = await deps.mint('visitor', space.instanceId, {
    link: link.id,
    ...(link.keepGps ? { keepGps: true } : {}),
    grants: [{ type: FILES_TYPE, verbs: link.access === 'write' ? ['read', 'write'] : ['read'], folderId: link.itemId }],
  });
  return { space, internalToken };
}
