import type { Request, RequestHandler, Response, Router } from 'express';
import { mountRoute, type RouteHandler } from '@mytoutatice/server-kit';
import {
  DEVICE_GRANTS,
  FILES_TYPE,
  ROOT_ID,
  TRASH_ID,
  apiRoute,
  type ApiRoute,
  type Change,
  type FilesGrant,
  type Grant,
  type GrantVerb,
} from '@mytoutatice/contract';
import type { SqlDb } from '@mytoutatice/sql';
import { fileNotFound, findFile } from '../files/file-rows.ts';
import { pathParam } from '../http/path-param.ts';
import type { InstanceDatabases } from '../instances/instance-databases.ts';
import { instanceById } from '../instances/owner-instance.ts';
import type { InstanceRecord, InstanceRecords } from '../instances/instance-records.ts';
import { claimsOf, creatorOf, forbidden } from './internal-token.ts';
import { subtreeCovers } from './subtree-grant.ts';

export interface PermitDeps {
  instances: InstanceRecords;
  databases: InstanceDatabases;
}

type ChangeFilter = (change: Change) => boolean;

/** The path parameter of files routes that names the item acted on. */
const ITEM_PARAM = 'id';
/** The path parameter of files routes that names the folder written into. */
const FOLDER_PARAM = 'parentId';
/** What a « dépôt » member may do to the folder itself (besides writing into it): read it, list their own items. */
const DROP_FOLDER_OPERATIONS = new Set(['getFile', 'listFolder']);
/** The shared item itself is the owner's to rename, move away, trash or restore. */
const OWNER_ONLY_ON_SHARED_ITEM = new Set(['updateFile', 'deleteFile', 'restoreFile']);

/**
 * For routes whose path names no file (a resumable upload's id): the folders the call writes
 * into, checked against a folder-limited grant in place of the path's ids.
 */
export type FilesTargets = (req: Request, instance: InstanceRecord) => Promise<string[]>;

export const isFilesGrant = (grant: Grant): grant is FilesGrant => grant.type === FILES_TYPE;

/**
 * The one check between a verified token and a route, driven by the route's `permission` in the
 * contract's table. Owner: everything on its instance. App, sharing, device: only what their
 * grants name — 403 for a route or type not granted; for a folder-limited files grant, 404 for an
 * item outside the folder (the caller may not know it exists), 403 for the root and the trash
 * (known to all) and for instance-wide listings. Loads the instance into `res.locals`.
 */
export function permit(deps: PermitDeps, route: ApiRoute, filesTargets?: FilesTargets): RequestHandler {
  const { permission } = route;
  if (permission === 'public' || permission === 'session') throw new Error(`${route.operationId} is not a storage route`);
  // A version id is not an item: its routes find it under the file only.
  const pathParamsNamed = (name: string) => (route.params ?? []).filter((param) => param.in === 'path' && param.name === name);
  const itemParams = pathParamsNamed(ITEM_PARAM);
  const folderParams = pathParamsNamed(FOLDER_PARAM);
  return async (req, res, next) => {
    const claims = claimsOf(res);
    if (permission === 'admin' || permission === 'link') {
      if (claims.scope !== permission) throw forbidden();
      next();
      return;
    }
    if (claims.scope === 'admin' || claims.scope === 'link') throw forbidden();
    const instance = await instanceById(deps.instances, claims.sub);
    res.locals.instance = instance;
    if (claims.scope === 'owner') {
      next();
      return;
    }
    if (permission === 'owner-only') throw forbidden();
    const grants = claims.scope === 'device' ? DEVICE_GRANTS : claims.grants;
    if (permission.resource === 'changes') {
      res.locals.changeFilter = changeFilter(grants);
    } else if (permission.resource === 'documents') {
      const doctype = pathParam(req, 'doctype');
      if (!grants.some((grant) => grant.type === doctype && grant.verbs.includes(permission.verb))) throw forbidden();
      if (route.alsoFiles) {
        await checkFiles(deps.databases.db(instance.id), route, req, grants, route.alsoFiles, { items: [], into: [] }, callerOf(res));
      }
      res.locals.readableDoctypes = readableDoctypes(grants);
    } else {
      const db = deps.databases.db(instance.id);
      const places: Places = {
        // A resumable upload's `id` is the upload's, not a file's.
        items: filesTargets ? [] : itemParams.map((param) => pathParam(req, param.name)),
        into: filesTargets ? () => filesTargets(req, instance) : folderParams.map((param) => pathParam(req, param.name)),
      };
      res.locals.onlyCreatedBy = await checkFiles(db, route, req, grants, permission.verb, places, callerOf(res));
      res.locals.readableDoctypes = readableDoctypes(grants);
    }
    next();
  };
}

/** For listings under a « dépôt » grant: the creator whose items alone may be shown; undefined for all. */
export function onlyCreatedByOf(res: Response): string | undefined {
  return res.locals.onlyCreatedBy as string | undefined;
}

/** For the changes feed: which changes the caller may see; undefined for the owner (all). */
export function changeFilterOf(res: Response): ChangeFilter | undefined {
  return res.locals.changeFilter as ChangeFilter | undefined;
}

/** The doctypes whose documents the caller may read; undefined for the owner (all). */
export function readableDoctypesOf(res: Response): ReadonlySet<string> | undefined {
  return res.locals.readableDoctypes as ReadonlySet<string> | undefined;
}

function readableDoctypes(grants: readonly Grant[]): ReadonlySet<string> {
  return new Set(grants.filter((grant) => !isFilesGrant(grant) && grant.verbs.includes('read')).map((grant) => grant.type));
}

/**
 * Changes of the types the grants may read. A folder-limited files grant gets 403: a destroyed
 * file's tombstone and a move out of the folder carry no trace of where the item was, so a
 * stateless read of the feed could not tell such a caller that an item it knew has left. The
 * realtime socket can, keeping what the caller holds inside for the socket's life (SubtreeView).
 */
function changeFilter(grants: readonly Grant[]): ChangeFilter {
  const readable = grants.filter((grant) => grant.verbs.includes('read'));
  const files = readable.filter(isFilesGrant);
  if (files.length > 0 && files.every((grant) => grant.folderId !== undefined)) throw forbidden();
  const doctypes = new Set(readable.filter((grant) => !isFilesGrant(grant)).map((grant) => grant.type));
  if (files.length === 0 && doctypes.size === 0) throw forbidden();
  return (change) => (change.kind === 'file' ? files.length > 0 : doctypes.has(change.doctype ?? ''));
}

/** The body's array of file ids the route names (`bodyFileIds`), from the body already checked against the table. */
function bodyFileIds(route: ApiRoute, req: Request): string[] {
  if (route.bodyFileIds === undefined) return [];
  const ids: unknown = (req.body as Record<string, unknown> | undefined)?.[route.bodyFileIds];
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
}

/**
 * The items a files route acts on (`id` in the path, ids in the body) and the folders it writes
 * into (`parentId` in the path or the body, a resumable upload's folder, asked only when a
 * folder-limited grant needs them).
 */
type Places = { items: readonly string[]; into: readonly string[] | (() => Promise<readonly string[]>) };

/** Who calls, as far as folder-limited grants care: `sharing` for anyone given the item by its owner (a member, a link's visitor). */
type Caller = { creator: string | null; sharing: boolean };

function callerOf(res: Response): Caller {
  const { scope } = claimsOf(res);
  return { creator: creatorOf(res), sharing: scope === 'sharing' || scope === 'visitor' };
}

/**
 * Checks the route's files against the grants; answers the creator a listing must be limited to
 * when the only grants are « dépôt » ones, else undefined.
 */
async function checkFiles(
  db: SqlDb,
  route: ApiRoute,
  req: Request,
  grants: readonly Grant[],
  verb: GrantVerb,
  places: Places,
  caller: Caller,
): Promise<string | undefined> {
  const matching = grants.filter(isFilesGrant).filter((grant) => grant.verbs.includes(verb));
  if (matching.length === 0) throw forbidden();
  if (matching.some((grant) => grant.folderId === undefined)) return undefined;
  // A « dépôt » tells members apart by `createdBy`: without a creator, the owner's own items would pass.
  if (matching.some((grant) => grant.ownOnly === true) && caller.creator === null) throw forbidden();
  const items = [...places.items, ...bodyFileIds(route, req)];
  const into = [...(typeof places.into === 'function' ? await places.into() : places.into)];
  const destination: unknown = (req.body as { parentId?: unknown } | undefined)?.parentId;
  if (typeof destination === 'string') into.push(destination);
  // Search, recent, favourites and the trash span the whole instance: filtering them for a
  // folder would cost a walk up the tree per item and leave pages short or empty; an app limited
  // to a folder lists that folder instead.
  if (items.length === 0 && into.length === 0) throw forbidden();

  // A granted item the owner put in the trash (or destroyed) opens nothing until it is restored.
  const live: FilesGrant[] = [];
  for (const grant of matching) {
    const granted = grant.folderId === undefined ? undefined : await findFile(db, grant.folderId);
    if (granted && granted.trashedAt === null) live.push(grant);
  }
  const covers = (grant: FilesGrant, id: string) =>
    grant.folderId !== undefined && subtreeCovers(db, { folderId: grant.folderId, ...(grant.ownOnly === true && caller.creator !== null ? { creator: caller.creator } : {}) }, id);
  /** Whether the route may act on the granted item itself (not merely write into it). */
  const mayActOnGrantedItem = (grant: FilesGrant) =>
    grant.ownOnly === true ? DROP_FOLDER_OPERATIONS.has(route.operationId) : !(caller.sharing && OWNER_ONLY_ON_SHARED_ITEM.has(route.operationId));
  const check = async (id: string, acting: boolean) => {
    for (const grant of live) {
      if (!(await covers(grant, id))) continue;
      if (acting && id === grant.folderId && !mayActOnGrantedItem(grant)) throw forbidden();
      return;
    }
    if (id === ROOT_ID || id === TRASH_ID) throw forbidden();
    throw fileNotFound();
  };
  for (const id of items) await check(id, true);
  for (const id of into) await check(id, false);
  // A copy without `parentId` lands beside its source, which may be the granted folder itself.
  if (route.operationId === 'copyFile' && typeof destination !== 'string') {
    const parentId = (await findFile(db, items[0] ?? ''))?.parentId;
    if (parentId == null) throw forbidden();
    await check(parentId, false).catch(() => {
      throw forbidden();
    });
  }
  return matching.every((grant) => grant.ownOnly === true) ? (caller.creator ?? undefined) : undefined;
}

/**
 * Mounts contract routes on `router` (server-kit's `mountRoute`: input checked against the table)
 * behind `permit`, which runs on the parsed body (a move's or a copy's destination is in it).
 * A route is named by its operationId, or given as its table entry for a typed body and query.
 * `filesTargets` for a router whose paths name no file.
 */
export function routeMounter(router: Router, deps: PermitDeps, filesTargets?: FilesTargets) {
  return <R extends ApiRoute>(route: R | string, handler: RouteHandler<R>, options: { jsonLimit?: string } = {}): void => {
    const entry = typeof route === 'string' ? apiRoute(route) : route;
    mountRoute(router, entry as R, handler, { ...options, guards: [permit(deps, entry, filesTargets)] });
  };
}
