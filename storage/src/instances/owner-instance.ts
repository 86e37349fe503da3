import type { Response } from 'express';
import { z } from 'zod';
import { forbidden, type InternalClaims } from '../auth/internal-token.ts';
import { HttpError } from '@mytoutatice/server-kit';
import type { InstanceRecord, InstanceRecords } from './instance-records.ts';

const InstanceId = z.uuid();

/** The instance a token acts on (its `sub`): 404 `no_space` when it is not here. */
export async function instanceById(instances: InstanceRecords, sub: string): Promise<InstanceRecord> {
  const instance = InstanceId.safeParse(sub).success ? await instances.byId(sub) : undefined;
  if (!instance) throw new HttpError(404, 'no_space', 'Aucun espace n’existe pour ce jeton.');
  return instance;
}

/** The instance an owner token is for: 403 for another scope, 404 `no_space` when it is not here. */
export async function ownerInstanceOf(instances: InstanceRecords, claims: InternalClaims): Promise<InstanceRecord> {
  if (claims.scope !== 'owner') throw forbidden();
  return instanceById(instances, claims.sub);
}

/** The instance `permit` loaded for this call. */
export function instanceOf(res: Response): InstanceRecord {
  const instance = res.locals.instance as InstanceRecord | undefined;
  if (!instance) throw new Error('permit must run before this handler');
  return instance;
}
