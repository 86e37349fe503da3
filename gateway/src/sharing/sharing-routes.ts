import express from 'express';
import type { Response, Router } from 'express';
import {
  SharingId,
  addSharingMembersRoute,
  changeSharingRoleRoute,
  createSharingRoute,
  getSharingRoute,
  listSharingsRoute,
  removeSharingMemberRoute,
  stopSharingRoute,
  type Sharing,
  type SharingList,
  type SharingMemberInput,
  type SharingRole,
} from '@mytoutatice/contract';
import { HttpError, badRequest, mountRoute, notFound } from '@mytoutatice/server-kit';
import { currentUser } from '../auth/authenticate.ts';
import type { Directory, DirectoryEntry } from '../directory/directory.ts';
import type { StorageClient } from '../storage-client/storage-client.ts';
import type { SharingNotifier } from '../notifications/sharing-notifier.ts';
import { mySpace, ownItem } from './own-item.ts';
import type { MemberRecord, SharedItemKind, SharingAccess, SharingRecord, SharingStore } from './sharing-store.ts';

export type SharingRoutesDeps = { directory: Directory; sharings: SharingStore; storage: StorageClient; notify: SharingNotifier };

/**
 * `/gateway/sharings`, behind `authenticate`. Ids of sharings one has no part in are 404 (as if
 * they did not exist); a member asking for what only the owner may do gets 403.
 */
export function sharingRoutes(deps: SharingRoutesDeps): Router {
  const router = express.Router();
  /** Member lists run longer than most bodies: a class is some thirty slugs. */
  const memberList = { jsonLimit: '32kb' };

  async function view(record: SharingRecord, access: SharingAccess['role'], members: readonly MemberRecord[]): Promise<Sharing> {
    const [names, owner, memberSpaces] = await Promise.all([
      deps.directory.namesOf(members.map((member) => member.sub)),
      deps.directory.find(record.ownerSub),
      Promise.all(members.map((member) => deps.directory.find(member.sub))),
    ]);
    return {
      id: record.id,
      item: { id: record.itemId, kind: record.itemKind, name: record.itemName },
      owner: { slug: owner?.slug ?? '', name: record.ownerName },
      access,
      members: members.map((member, n) => {
        const slug = memberSpaces[n]?.slug ?? '';
        return { slug, name: names.get(member.sub) ?? slug, role: member.role, addedAt: member.addedAt };
      }),
      createdAt: record.createdAt,
    };
  }

  /** The view the caller is entitled to: every member for the owner, themself for a member. */
  async function viewFor(access: SharingAccess, sub: string): Promise<Sharing> {
    const { sharing, role } = access;
    if (role === 'owner') return view(sharing, role, await deps.sharings.members(sharing.id));
    const self = await deps.sharings.member(sharing.id, sub);
    return view(sharing, role, self ? [self] : []);
  }

  async function accessOf(res: Response, rawId: unknown): Promise<SharingAccess> {
    const id = SharingId.safeParse(rawId);
    const access = id.success ? await deps.sharings.access(id.data, currentUser(res).sub) : undefined;
    if (!access) throw notFound('Ce partage n’existe pas.');
    return access;
  }

  function ownerOnly(access: SharingAccess): void {
    if (access.role !== 'owner') throw new HttpError(403, 'forbidden', 'Seul le propriétaire peut modifier ce partage.');
  }

  /**
   * Members by slug (the last role named wins). An unknown slug is a 404 naming it: slugs are
   * the addresses people give each other, so saying one does not exist reveals nothing more.
   */
  async function membersFrom(owner: DirectoryEntry, kind: SharedItemKind, input: readonly SharingMemberInput[]): Promise<{ sub: string; role: SharingRole }[]> {
    const roles = new Map(input.map((member) => [member.slug, member.role]));
    const members: { sub: string; role: SharingRole }[] = [];
    for (const [slug, role] of roles) {
      const space = await deps.directory.findBySlug(slug);
      if (!space) throw notFound(`Aucun espace n’a l’adresse « ${slug} ».`);
      if (space.sub === owner.sub) throw badRequest('Vous avez déjà accès à vos propres fichiers.');
      if (role === 'drop' && kind !== 'folder') throw badRequest('Seul un dossier peut servir de dépôt.');
      members.push({ sub: space.sub, role });
    }
    return members;
  }

  mountRoute(
    router,
    createSharingRoute,
    async (_req, res, { body }) => {
      const { itemId } = body;
      const { owner, itemKind, itemName } = await ownItem(deps, res, itemId);
      const added = await membersFrom(owner, itemKind, body.members);
      const record = await deps.sharings.create({ ownerSub: owner.sub, ownerName: currentUser(res).name, itemId, itemKind, itemName }, added);
      await deps.notify(record, added);
      res.status(201).json(await view(record, 'owner', await deps.sharings.members(record.id)));
    },
    memberList,
  );

  mountRoute(router, listSharingsRoute, async (_req, res) => {
    const { sub } = currentUser(res);
    const [sent, received] = await Promise.all([deps.sharings.sentBy(sub), deps.sharings.receivedBy(sub)]);
    const list: SharingList = {
      sent: await Promise.all(sent.map(async (record) => view(record, 'owner', await deps.sharings.members(record.id)))),
      received: await Promise.all(received.map(({ sharing, member }) => view(sharing, member.role, [member]))),
    };
    res.setHeader('cache-control', 'no-store');
    res.json(list);
  });

  mountRoute(router, getSharingRoute, async (_req, res, { params }) => {
    const sharing = await viewFor(await accessOf(res, params.id), currentUser(res).sub);
    res.setHeader('cache-control', 'no-store');
    res.json(sharing);
  });

  mountRoute(router, stopSharingRoute, async (_req, res, { params }) => {
    const access = await accessOf(res, params.id);
    ownerOnly(access);
    await deps.sharings.remove(access.sharing.id);
    res.status(204).end();
  });

  mountRoute(
    router,
    addSharingMembersRoute,
    async (_req, res, { body, params }) => {
      const access = await accessOf(res, params.id);
      ownerOnly(access);
      const named = await membersFrom(await mySpace(deps.directory, res), access.sharing.itemKind, body.members);
      const added = await deps.sharings.putMembers(access.sharing.id, named);
      await deps.notify(access.sharing, added);
      res.json(await viewFor(access, currentUser(res).sub));
    },
    memberList,
  );

  mountRoute(router, changeSharingRoleRoute, async (_req, res, { body, params }) => {
    const access = await accessOf(res, params.id);
    ownerOnly(access);
    const { role } = body;
    if (role === 'drop' && access.sharing.itemKind !== 'folder') throw badRequest('Seul un dossier peut servir de dépôt.');
    const member = await deps.directory.findBySlug(params.slug);
    if (!member || !(await deps.sharings.setRole(access.sharing.id, member.sub, role))) throw notFound('Cette personne n’a pas accès à ce partage.');
    res.json(await viewFor(access, currentUser(res).sub));
  });

  // The owner removes anyone; a member removes only themself (leaves).
  mountRoute(router, removeSharingMemberRoute, async (_req, res, { params }) => {
    const access = await accessOf(res, params.id);
    const member = await deps.directory.findBySlug(params.slug);
    if (access.role !== 'owner' && member?.sub !== currentUser(res).sub) {
      throw new HttpError(403, 'forbidden', 'Vous ne pouvez retirer que vous-même de ce partage.');
    }
    if (!member || !(await deps.sharings.removeMember(access.sharing.id, member.sub))) throw notFound('Cette personne n’a pas accès à ce partage.');
    res.status(204).end();
  });

  return router;
}
