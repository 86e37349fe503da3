import { FileDoc, Sharing, SharingList } from '@mytoutatice/contract';
import type { AddSharingMembersBody, ChangeSharingRoleBody, CreateSharingBody, SharingMemberInput, SharingRole } from '@mytoutatice/contract';
import { createFiles } from './files.ts';
import type { FilesResource } from './files.ts';
import type { CallOptions, Transport } from './transport.ts';

/** What to copy into one's own space: the shared item (no `itemId`) or an item inside it, into `folderId`. */
export type CopyFromSharing = { itemId?: string | undefined; folderId: string };

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
};

export function createSharings(transport: Transport): SharingsResource {
  const path = (id: string) => `/gateway/sharings/${encodeURIComponent(id)}`;
  const memberPath = (id: string, slug: string) => `${path(id)}/members/${encodeURIComponent(slug)}`;
  return {
    list: ({ signal } = {}) => transport.request('/gateway/sharings', SharingList, { signal }),
    get: (id, { signal } = {}) => transport.request(path(id), Sharing, { signal }),
    create: (body, { signal } = {}) => transport.request('/gateway/sharings', Sharing, { method: 'POST', json: body, signal }),
    addMembers: (id, members, { signal } = {}) =>
      transport.request(`${path(id)}/members`, Sharing, { method: 'POST', json: { members } satisfies AddSharingMembersBody, signal }),
    changeRole: (id, slug, role, { signal } = {}) =>
      transport.request(memberPath(id, slug), Sharing, { method: 'PATCH', json: { role } satisfies ChangeSharingRoleBody, signal }),
    removeMember: async (id, slug, { signal } = {}) => {
      await transport.send(memberPath(id, slug), { method: 'DELETE', signal });
    },
    stop: async (id, { signal } = {}) => {
      await transport.send(path(id), { method: 'DELETE', signal });
    },
    copy: (id, { itemId, folderId }, { signal } = {}) =>
      transport.request(`${path(id)}/copy`, FileDoc, { method: 'POST', json: itemId === undefined ? { folderId } : { itemId, folderId }, signal }),
    files: (id) => createFiles(transport, `/api/sharings/${encodeURIComponent(id)}`),
  };
}
