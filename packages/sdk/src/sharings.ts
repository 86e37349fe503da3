import {
  addSharingMembersRoute,
  changeSharingRoleRoute,
  copySharedItemRoute,
  createSharingRoute,
  getSharingRoute,
  listSharingsRoute,
  removeSharingMemberRoute,
  stopSharingRoute,
} from '@mytoutatice/contract';
import type { CreateSharingBody, FileDoc, Sharing, SharingList, SharingMemberInput, SharingRole } from '@mytoutatice/contract';
import { isApiError } from './api-error.ts';
import { createFiles } from './files.ts';
import type { FilesResource } from './files.ts';
import { createRealtime } from './realtime.ts';
import type { Realtime, RealtimeOptions } from './realtime.ts';
import type { CallOptions, Transport } from './transport.ts';

/** What to copy into one's own space: the shared item (no `itemId`) or an item inside it, into `folderId`. */
export type CopyFromSharing = { itemId?: string | undefined; folderId: string };

/** The session a sharing's realtime socket is opened with (the client's own). */
export type RealtimeSession = Pick<RealtimeOptions, 'getToken' | 'onUnauthorized'>;
export type SharingRealtimeOptions = Omit<RealtimeOptions, 'baseUrl' | 'path' | 'hasAccess' | keyof RealtimeSession>;

export type SharingsResource = {
  /** « Partages »: what one has shared (`sent`) and been given (`received`). */
  list(options?: CallOptions): Promise<SharingList>;
  /** One sharing: the owner sees every member, a member only themself. */
  get(id: string, options?: CallOptions): Promise<Sharing>;
  /** Shares one of one's own files or folders with spaces named by their slug. */
  create(body: CreateSharingBody, options?: CallOptions): Promise<Sharing>;
  /** Adds members, or gives those already in the role named (owner only). */
  addMembers(id: string, members: SharingMemberInput[], options?: CallOptions): Promise<Sharing>;
  changeRole(id: string, slug: string, role: SharingRole, options?: CallOptions): Promise<Sharing>;
  /** Removes a member (owner), or leaves the sharing (a member naming their own slug). */
  removeMember(id: string, slug: string, options?: CallOptions): Promise<void>;
  /** Stops the sharing for everyone (owner only). */
  stop(id: string, options?: CallOptions): Promise<void>;
  /** « Ajouter à mon espace »: a copy, made in one's own space, of what the sharing opens. */
  copy(id: string, target: CopyFromSharing, options?: CallOptions): Promise<FileDoc>;
  /** The files calls on what the sharing opens, in the owner's space, limited by one's role. */
  files(id: string): FilesResource;
  /**
   * Follows what the sharing opens, live (the shared item's subtree, one's own items in a
   * « dépôt »). When the owner removes one or changes one's role, the socket comes back at once
   * with the new role, or ends (`onAccessChange` with `ended`) when access is gone.
   */
  realtime(id: string, options?: SharingRealtimeOptions): Realtime;
};

export function createSharings(transport: Transport, session: RealtimeSession): SharingsResource {
  const get = (id: string, { signal }: CallOptions = {}) => transport.call(getSharingRoute, { params: { id } }, { signal });
  /** A sharing one has no part in (any more) is a 404; anything else says nothing about access. */
  const hasAccess = async (id: string) => {
    try {
      await get(id);
      return true;
    } catch (error) {
      if (isApiError(error) && error.status === 404) return false;
      throw error;
    }
  };
  return {
    list: ({ signal } = {}) => transport.call(listSharingsRoute, {}, { signal }),
    get,
    create: (body, { signal } = {}) => transport.call(createSharingRoute, { body }, { signal }),
    addMembers: (id, members, { signal } = {}) => transport.call(addSharingMembersRoute, { params: { id }, body: { members } }, { signal }),
    changeRole: (id, slug, role, { signal } = {}) => transport.call(changeSharingRoleRoute, { params: { id, slug }, body: { role } }, { signal }),
    removeMember: async (id, slug, { signal } = {}) => {
      await transport.call(removeSharingMemberRoute, { params: { id, slug } }, { signal });
    },
    stop: async (id, { signal } = {}) => {
      await transport.call(stopSharingRoute, { params: { id } }, { signal });
    },
    copy: (id, { itemId, folderId }, { signal } = {}) =>
      transport.call(copySharedItemRoute, { params: { id }, body: itemId === undefined ? { folderId } : { itemId, folderId } }, { signal }),
    files: (id) => createFiles(transport, `/api/sharings/${encodeURIComponent(id)}`),
    realtime: (id, options = {}) =>
      createRealtime({
        ...options,
        ...session,
        baseUrl: transport.baseUrl,
        path: `/api/sharings/${encodeURIComponent(id)}/realtime`,
        hasAccess: () => hasAccess(id),
      }),
  };
}
