import type { ApiRoute } from './api-route.ts';
import { appPasswordRoutes } from './app-password-routes.ts';
import { documentRoutes } from './document-routes.ts';
import { fileRoutes } from './file-routes.ts';
import { linkRoutes } from './link-routes.ts';
import { noteRoutes } from './note-routes.ts';
import { peopleRoutes } from './people-routes.ts';
import { referenceRoutes } from './reference-routes.ts';
import { sharingRoutes } from './sharing-routes.ts';
import { spaceRoutes } from './space-routes.ts';
import { versionRoutes } from './version-routes.ts';
import { uploadRoutes } from './upload-routes.ts';
import { zipRoutes } from './zip-routes.ts';

/**
 * Every HTTP route of the storage backend and of the gateway's own API: the source of the OpenAPI
 * document and of the storage's permission checks. A storage test holds it equal to the
 * routes the storage registers.
 */
export const apiRoutes: readonly ApiRoute[] = [
  ...fileRoutes,
  ...versionRoutes,
  ...zipRoutes,
  ...uploadRoutes,
  ...noteRoutes,
  ...documentRoutes,
  ...referenceRoutes,
  ...spaceRoutes,
  ...appPasswordRoutes,
  ...sharingRoutes,
  ...linkRoutes,
  ...peopleRoutes,
];

const byOperationId = new Map(apiRoutes.map((route) => [route.operationId, route]));

/** The table's entry for `operationId`; throws on a name the table does not hold (a typo in a route). */
export function apiRoute(operationId: string): ApiRoute {
  const route = byOperationId.get(operationId);
  if (!route) throw new Error(`no route ${operationId} in the contract's table`);
  return route;
}
