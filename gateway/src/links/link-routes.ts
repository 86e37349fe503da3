import express from 'express';
import type { Response, Router } from 'express';
import { LinkId, changeLinkRoute, createLinkRoute, disableLinkRoute, listLinksRoute, type PublicLinkList } from '@mytoutatice/contract';
import { badRequest, mountRoute, notFound } from '@mytoutatice/server-kit';
import { currentUser } from '../auth/authenticate.ts';
import type { Directory } from '../directory/directory.ts';
import type { StorageClient } from '../storage-client/storage-client.ts';
import { ownItem } from '../sharing/own-item.ts';
import { isLive } from './link-access.ts';
import { hashPassword } from './link-password.ts';
import type { LinkChanges, LinkRecord, LinkStore } from './link-store.ts';
import { ownerView } from './link-view.ts';

export type LinkRoutesDeps = { directory: Directory; links: LinkStore; storage: StorageClient };

/** An expiry in the past would make a link dead on arrival: surely a mistake, so said so. */
function futureOrNull(expiresAt: string | null | undefined): string | null | undefined {
  if (expiresAt == null) return expiresAt;
  const at = Date.parse(expiresAt);
  if (at <= Date.now()) throw badRequest('La date d’expiration est déjà passée.');
  return new Date(at).toISOString();
}

/**
 * `/gateway/links`, behind `authenticate`: the owner's side of public links (« Générer un lien »,
 * its settings, « Désactiver le lien »). Another person's link id is a 404, as if it did not exist.
 */
export function linkRoutes(deps: LinkRoutesDeps): Router {
  const router = express.Router();

  async function myLink(res: Response, rawId: unknown): Promise<LinkRecord> {
    const id = LinkId.safeParse(rawId);
    const link = id.success ? await deps.links.ownedBy(id.data, currentUser(res).sub) : undefined;
    if (!link) throw notFound('Ce lien n’existe pas.');
    return link;
  }

  mountRoute(router, createLinkRoute, async (_req, res, { body }) => {
    const { itemId, access, password, expiresAt, keepGps } = body;
    const expiry = futureOrNull(expiresAt) ?? null;
    const { owner, itemKind, itemName } = await ownItem(deps, res, itemId);
    const link = await deps.links.create({
      ownerSub: owner.sub,
      ownerName: currentUser(res).name,
      itemId,
      itemKind,
      itemName,
      access,
      password: password === undefined ? null : await hashPassword(password),
      expiresAt: expiry,
      keepGps: keepGps ?? false,
    });
    res.status(201).json(ownerView(link));
  });

  mountRoute(router, listLinksRoute, async (_req, res, { query }) => {
    const { itemId } = query;
    // An expired link opens nothing any more: it is not offered as « Lien activé ».
    const list: PublicLinkList = { items: (await deps.links.forItem(currentUser(res).sub, itemId)).filter((link) => isLive(link)).map(ownerView) };
    res.setHeader('cache-control', 'no-store');
    res.json(list);
  });

  mountRoute(router, changeLinkRoute, async (_req, res, { body, params }) => {
    const link = await myLink(res, params.id);
    const { access, password, expiresAt, keepGps } = body;
    const changes: LinkChanges = {};
    if (access !== undefined) changes.access = access;
    if (keepGps !== undefined) changes.keepGps = keepGps;
    if (expiresAt !== undefined) changes.expiresAt = futureOrNull(expiresAt) ?? null;
    if (password !== undefined) changes.password = password === null ? null : await hashPassword(password);
    res.json(ownerView(await deps.links.change(link, changes)));
  });

  mountRoute(router, disableLinkRoute, async (_req, res, { params }) => {
    await deps.links.remove((await myLink(res, params.id)).id);
    res.status(204).end();
  });

  return router;
}
