import { FILES_TYPE, SharingId, type FilesGrant } from '@mytoutatice/contract';
import { HttpError, notFound } from '@mytoutatice/server-kit';
import { isAppToken } from '../auth/app-tokens.ts';
import { noSpace, requireBearer, type CallerDeps, type Caller } from '../proxy/resolve-caller.ts';
import type { SharingAccess, SharingStore } from './sharing-store.ts';

export type SharingAccessDeps = CallerDeps & { sharings: SharingStore };

const SHARED_PATH = /^\/sharings\/([^/?]*)(.*)$/;

/** `/sharings/<id>/<storage path>` → the sharing id and the storage path; undefined for any other path. */
export function sharedPath(path: string): { sharingId: string; path: string } | undefined {
  const match = SHARED_PATH.exec(path);
  if (!match) return undefined;
  const rest = match[2] ?? '';
  return { sharingId: match[1] ?? '', path: rest.startsWith('/') ? rest : `/${rest}` };
}

/** What a role opens of the shared item: the item's subtree (the file alone for a file). */
function grantOf(access: SharingAccess): FilesGrant {
  const { role, sharing } = access;
  const grant: FilesGrant = { type: FILES_TYPE, verbs: role === 'read' ? ['read'] : ['read', 'write'], folderId: sharing.itemId };
  return role === 'drop' ? { ...grant, ownOnly: true } : grant;
}

/** A caller through a sharing: who they are (ENT `sub`) and their part in it, as checked. */
export type SharingCaller = Caller & { sub: string; role: SharingAccess['role']; itemId: string };

/**
 * From an ENT access token and a sharing id to the owner's space and a `sharing` token limited
 * to the item by the caller's role. The membership is read again on every call, so removing
 * someone or changing their role holds from their next request. 404 for anyone with no part in
 * the sharing; app tokens do not open sharings (403).
 */
export async function resolveSharingCaller(deps: SharingAccessDeps, token: string | undefined, rawSharingId: string): Promise<SharingCaller> {
  requireBearer(token);
  if (isAppToken(token)) throw new HttpError(403, 'forbidden', 'Les applications n’ont pas accès aux partages.');
  const { sub } = await deps.verify(token);
  const sharingId = SharingId.safeParse(rawSharingId);
  const access = sharingId.success ? await deps.sharings.access(sharingId.data, sub) : undefined;
  const space = access && (await deps.directory.find(access.sharing.ownerSub));
  if (!access || !space) throw notFound('Ce partage n’existe pas.');
  const member = access.role === 'owner' ? undefined : (await deps.directory.find(sub))?.slug;
  if (access.role !== 'owner' && member === undefined) throw noSpace();
  const internalToken = await deps.mint('sharing', space.instanceId, {
    sharing: access.sharing.id,
    ...(member === undefined ? {} : { member }),
    grants: [grantOf(access)],
  });
  return { space, internalToken, sub, role: access.role, itemId: access.sharing.itemId };
}
