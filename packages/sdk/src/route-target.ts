import { routePath, type ApiRoute, type RouteParams } from '@mytoutatice/contract';

/** Where one's own space's storage routes are reached through the gateway. */
export const OWN_SPACE = '/api';

/**
 * The gateway path of a contract route: the gateway's own at its path, the storage's under
 * `apiBase` (`/api` for one's own space, `/api/sharings/<id>` or `/api/links/<code>` for what a
 * sharing or a link opens). Parameters are encoded.
 */
export function routeTarget<R extends ApiRoute>(route: R, params: RouteParams<R>, apiBase = OWN_SPACE): string {
  return `${route.service === 'storage' ? apiBase : ''}${routePath(route, params)}`;
}
