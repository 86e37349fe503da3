import type { Request, RequestHandler, Response, Router } from 'express';
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
import type { SqlDb } from '../db/sql-db.ts';
import { isSelfOrDescendant } from '../files/file-paths.ts';
import { fileNotFound, findFile } from '../files/file-rows.ts';
import { pathParam } from '../http/path-param.ts';
import type { InstanceDatabases } from '../instances/instance-databases.ts';
import { instanceById } from '../instances/owner-instance.ts';
import type { InstanceRecord, InstanceRegistry } from '../instances/registry.ts';
import { claimsOf, forbidden } from './internal-token.ts';

export interface PermitDeps {
  registry: InstanceRegistry;
  databases: InstanceDatabases;
}

type ChangeFilter = (change: Change) => boolean;

/** The path parameters of files routes that name a file or folder. */
const FILE_ID_PARAMS = new Set(['id', 'parentId']);

/**
 * For routes whose path names no file (a resumable upload's id): the folders the call writes
 * into, checked against a folder-limited grant in place of the path's ids.
 */
export type FilesTargets = (req: Request, instance: InstanceRecord) => Promise<string[]>;

const isFilesGrant = (grant: Grant): grant is FilesGrant => grant.type === FILES_TYPE;

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
  const fileIdParams = (route.params ?? []).filter((param) => param.in === 'path' && FILE_ID_PARAMS.has(param.name));
  return async (req, res, next) => {
    const claims = claimsOf(res);
    if (permission === 'admin' || permission === 'link') {
      if (claims.scope !== permission) throw forbidden();
      next();
      return;
    }
    if (claims.scope === 'admin' || claims.scope === 'link') throw forbidden();
    const instance = await instanceById(deps.registry, claims.sub);
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
      if (route.alsoFiles) await checkFiles(deps.databases.db(instance.id), route, req, grants, route.alsoFiles, []);
      res.locals.readableDoctypes = readableDoctypes(grants);
    } else {
      const db = deps.databases.db(instance.id);
      const pathIds = filesTargets
        ? () => filesTargets(req, instance)
        : fileIdParams.map((param) => pathParam(req, param.name));
      await checkFiles(db, route, req, grants, permission.verb, pathIds);
      res.locals.readableDoctypes = readableDoctypes(grants);
    }
    next();
  };
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
 * file's tombstone and a move out of the folder carry no trace of where the item was, so the
 * feed could not tell such a caller that an item it knew has left.
 */
function changeFilter(grants: readonly Grant[]): ChangeFilter {
  const readable = grants.filter((grant) => grant.verbs.includes('read'));
  const files = readable.filter(isFilesGrant);
  if (files.length > 0 && files.every((grant) => grant.folderId !== undefined)) throw forbidden();
  const doctypes = new Set(readable.filter((grant) => !isFilesGrant(grant)).map((grant) => grant.type));
  if (files.length === 0 && doctypes.size === 0) throw forbidden();
  return (change) => (change.kind === 'file' ? files.length > 0 : doctypes.has(change.doctype ?? ''));
}

/** The body's array of file ids the route names (`bodyFileIds`); a malformed one is the handler's 400. */
function bodyFileIds(route: ApiRoute, req: Request): string[] {
  if (route.bodyFileIds === undefined) return [];
  const ids: unknown = (req.body as Record<string, unknown> | undefined)?.[route.bodyFileIds];
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
}

/**
 * `pathIds`: the item (or the folder to create in) when the route is about files; for a router
 * with `filesTargets`, how to find them, asked only when a folder-limited grant needs them.
 */
async function checkFiles(
  db: SqlDb,
  route: ApiRoute,
  req: Request,
  grants: readonly Grant[],
  verb: GrantVerb,
  pathIds: readonly string[] | (() => Promise<readonly string[]>),
): Promise<void> {
  const matching = grants.filter(isFilesGrant).filter((grant) => grant.verbs.includes(verb));
  if (matching.length === 0) throw forbidden();
  const folders = matching.map((grant) => grant.folderId);
  if (folders.includes(undefined)) return;
  const within = async (id: string) => {
    for (const folder of folders) if (folder !== undefined && (await isSelfOrDescendant(db, id, folder))) return true;
    return false;
  };
  // The items named (in the path or the body), then where a move or a copy puts it.
  const targets = [...(typeof pathIds === 'function' ? await pathIds() : pathIds), ...bodyFileIds(route, req)];
  // Search, recent, favourites and the trash span the whole instance: filtering them for a
  // folder would cost a walk up the tree per item and leave pages short or empty; an app limited
  // to a folder lists that folder instead.
  if (targets.length === 0) throw forbidden();
  const destination: unknown = (req.body as { parentId?: unknown } | undefined)?.parentId;
  if (typeof destination === 'string') targets.push(destination);
  for (const id of targets) {
    if (await within(id)) continue;
    if (id === ROOT_ID || id === TRASH_ID) throw forbidden();
    throw fileNotFound();
  }
  // A copy without `parentId` lands beside its source, which may be the granted folder itself.
  if (route.operationId === 'copyFile' && typeof destination !== 'string') {
    const parentId = (await findFile(db, targets[0] ?? ''))?.parentId;
    if (parentId == null || !(await within(parentId))) throw forbidden();
  }
}

/**
 * Registers the contract's route `operationId` on `router` behind `permit`: method, path and
 * permission come from the table, so none is written twice. All handlers but the last are body
 * parsers, run before the check (a move's or a copy's destination is in its body). `filesTargets`
 * for a router whose paths name no file.
 */
export function routeMounter(router: Router, deps: PermitDeps, filesTargets?: FilesTargets) {
  return (operationId: string, ...handlers: [...RequestHandler[], RequestHandler]): void => {
    const route = apiRoute(operationId);
    const path = route.path.replace(/\{([^}]+)\}/g, ':$1');
    const parsers = handlers.slice(0, -1);
    const handler = handlers.at(-1);
    if (!handler) throw new Error(`no handler for ${operationId}`);
    router[route.method](path, ...parsers, permit(deps, route, filesTargets), handler);
  };
}
