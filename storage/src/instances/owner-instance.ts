import type { RequestHandler, Response } from 'express';
import { z } from 'zod';
import { claimsOf, requireScope, type InternalClaims } from '../auth/internal-token.ts';
import { HttpError } from '@mytoutatice/server-kit';
import type { InstanceRecord, InstanceRegistry } from './registry.ts';

const InstanceId = z.uuid();

/** The instance an owner token (`sub`) is for: 403 for another scope, 404 `no_space` when it is not here. */
export async function ownerInstanceOf(registry: InstanceRegistry, claims: InternalClaims): Promise<InstanceRecord> {
  if (claims.scope !== 'owner') throw new HttpError(403, 'forbidden', 'Ce jeton ne donne pas accès à cette opération.');
  const { sub } = claims;
  const instance = InstanceId.safeParse(sub).success && sub !== undefined ? await registry.byId(sub) : undefined;
  if (!instance) throw new HttpError(404, 'no_space', 'Aucun espace n’existe pour ce jeton.');
  return instance;
}

/** For owner routes: the token's instance (`sub`), which must exist here (else 404 `no_space`). */
export function loadOwnerInstance(registry: InstanceRegistry): RequestHandler {
  return async (_req, res, next) => {
    res.locals.instance = await ownerInstanceOf(registry, claimsOf(res));
    next();
  };
}

/** Owner scope plus the instance loaded: what every route on one's own space needs. */
export function ownerOnly(registry: InstanceRegistry): RequestHandler[] {
  return [requireScope('owner'), loadOwnerInstance(registry)];
}

export function instanceOf(res: Response): InstanceRecord {
  const instance = res.locals.instance as InstanceRecord | undefined;
  if (!instance) throw new Error('loadOwnerInstance must run before this handler');
  return instance;
}
