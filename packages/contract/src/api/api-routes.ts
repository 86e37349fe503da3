import type { ApiRoute } from './api-route.ts';
import { documentRoutes } from './document-routes.ts';
import { fileRoutes } from './file-routes.ts';
import { spaceRoutes } from './space-routes.ts';
import { uploadRoutes } from './upload-routes.ts';

/**
 * Every HTTP route of the storage backend and of the gateway's own API: the source of the OpenAPI
 * document and, later, of the gateway's permission checks. A storage test holds it equal to the
 * routes the storage registers.
 */
export const apiRoutes: readonly ApiRoute[] = [...fileRoutes, ...uploadRoutes, ...documentRoutes, ...spaceRoutes];
