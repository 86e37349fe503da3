import { Router } from 'express';
import { createInstanceRoute, verifyAppPasswordRoute } from '@mytoutatice/contract';
import { HttpError } from '@mytoutatice/server-kit';
import { routeMounter } from '../auth/permit.ts';
import { verifyAppPassword } from './app-passwords.ts';
import type { MetadataBackend } from '../db/metadata-backend.ts';
import type { InstanceDatabases } from './instance-databases.ts';
import { pathParam } from '../http/path-param.ts';
import { createInstance, instanceInfo } from './instance-service.ts';
import { instanceById, instanceOf } from './owner-instance.ts';
import type { InstanceRecords } from './instance-records.ts';

export function instanceRoutes(
  instances: InstanceRecords,
  backend: MetadataBackend,
  databases: InstanceDatabases,
  defaultQuotaBytes: number,
): Router {
  const router = Router();
  const mount = routeMounter(router, { instances, databases });
  mount(createInstanceRoute, async (_req, res, { body }) => {
    res.status(201).json(await createInstance(instances, backend, defaultQuotaBytes, body));
  });
  // The gateway's check of a DAV client's Basic password: 401 when it matches none of the space's.
  mount(verifyAppPasswordRoute, async (req, res, { body }) => {
    const instance = await instanceById(instances, pathParam(req, 'id'));
    const id = await verifyAppPassword(databases.db(instance.id), body.password);
    if (id === undefined) throw new HttpError(401, 'invalid_token', 'Mot de passe d’application inconnu.');
    res.json({ id });
  });
  mount('getInstance', async (_req, res) => {
    res.json(await instanceInfo(databases, instanceOf(res)));
  });
  return router;
}
