import type { Request } from 'express';

/** A named `:param` of the route (always a single string for the routes we declare). */
export function pathParam(req: Request, name: string): string {
  const value = req.params[name];
  if (typeof value !== 'string') throw new Error(`route has no :${name} parameter`);
  return value;
}
