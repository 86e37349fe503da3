import type { ApiRoute } from './api-route.ts';
import type { RouteParams } from './route-types.ts';

/**
 * The route's path with its `{name}` parameters filled in, each encoded (an id holding a `/`
 * stays one segment). A parameter missing from `params` is a bug of the caller: it throws.
 */
export function routePath<R extends ApiRoute>(route: R, params: RouteParams<R>): string {
  const values = params as Readonly<Record<string, string | undefined>>;
  return route.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`${route.operationId}: no value for the path parameter ${name}`);
    return encodeURIComponent(value);
  });
}
