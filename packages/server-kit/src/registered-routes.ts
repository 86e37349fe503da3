import type { Express } from 'express';

type Layer = {
  route?: { path: string | RegExp; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
  slash?: boolean;
};

/** `get /files/{id}`: how a route is named in the contract's table and in OpenAPI. */
export const routeKey = (method: string, path: string): string => `${method.toLowerCase()} ${path}`;

function collect(stack: readonly Layer[]): string[] {
  return stack.flatMap((layer) => {
    if (layer.route) {
      const path = String(layer.route.path).replace(/:([A-Za-z0-9_]+)/g, '{$1}');
      return Object.keys(layer.route.methods).map((method) => routeKey(method, path));
    }
    const nested = layer.handle?.stack;
    if (!nested) return [];
    // A router mounted under a path would prefix its routes, and the key would not say so.
    if (layer.slash !== true) throw new Error('a router is mounted under a path: mount routers at / with the table’s full paths');
    return collect(nested);
  });
}

/**
 * `method path` of every route an Express app registers, nested routers included, in the table's
 * path form: what a service's route-table test holds equal to the contract.
 */
export function registeredRoutes(app: Express): string[] {
  return collect((app as unknown as { router: { stack: Layer[] } }).router.stack);
}
