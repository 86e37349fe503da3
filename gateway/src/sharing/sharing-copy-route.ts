import express from 'express';
import type { Router } from 'express';
import { copySharedItemRoute } from '@mytoutatice/contract';
import { mountRoute } from '@mytoutatice/server-kit';
import { bearerToken, currentUser } from '../auth/authenticate.ts';
import { noSpace } from '../proxy/resolve-caller.ts';
import { resolveSharingCaller, type SharingAccessDeps } from './sharing-access.ts';
import { copySharedItem } from './sharing-copy.ts';
import type { StorageClient, StorageTarget } from '../storage-client/storage-client.ts';

/**
 * `POST /gateway/sharings/:id/copy`, behind `authenticate`: a member (or the owner) copies the
 * shared item, or something inside it, into their own space. The source is read exactly as
 * `/api/sharings/<id>/…` reads it (the same check, again for every call: a member removed
 * mid-copy stops there), the target written with the caller's own owner token.
 */
export function sharingCopyRoutes(deps: SharingAccessDeps & { storage: StorageClient }): Router {
  const router = express.Router();
  mountRoute(router, copySharedItemRoute, async (req, res, { body, params }) => {
    const token = bearerToken(req);
    const sharingId = params.id;
    const first = await resolveSharingCaller(deps, token, sharingId);
    const mine = await deps.directory.find(currentUser(res).sub);
    if (!mine) throw noSpace();
    const source: StorageTarget = {
      backendUrl: first.space.backendUrl,
      token: async () => (await resolveSharingCaller(deps, token, sharingId)).internalToken,
    };
    res.status(201).json(await copySharedItem(deps.storage, source, deps.storage.asOwner(mine), body.itemId ?? first.itemId, body.folderId));
  });
  return router;
}
