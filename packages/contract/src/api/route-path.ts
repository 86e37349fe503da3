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
    if (value === undefined) throw new Error(`${route.path}: no value for the path parameter ${name}`);
    return encodeURIComponent(value);
  });
}

/** `?a=1&b=x` of the given values, absent ones (undefined, null) left out; '' when none is left. */
export function queryString(query: Readonly<Record<string, string | number | boolean | null | undefined>> | undefined): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null) search.set(key, String(value));
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}
