import express, { Router } from 'express';
import { VerifyAppPasswordBody } from '@mytoutatice/contract';
import { HttpError, badRequest } from '@mytoutatice/server-kit';
import { routeMounter } from '../auth/permit.ts';
import { verifyAppPassword } from './app-passwords.ts';
import type { MetadataBackend } from '../db/metadata-backend.ts';
import type { InstanceDatabases } from './instance-databases.ts';
import { pathParam } from '../http/path-param.ts';
import { createInstance, instanceInfo } from './instance-service.ts';
import { instanceById, instanceOf } from './owner-instance.ts';
import type { InstanceRegistry } from './registry.ts';

export function instanceRoutes(
  registry: InstanceRegistry,
  backend: MetadataBackend,
  databases: InstanceDatabases,
  defaultQuotaBytes: number,
): Router {
  const router = Router();
  const mount = routeMounter(router, { registry, databases });
  mount('createInstance', express.json({ limit: '16kb' }), async (req, res) => {
    res.status(201).json(await createInstance(registry, backend, defaultQuotaBytes, req.body));
  });
  // The gateway's check of a DAV client's Basic password: 401 when it matches none of the space's.
  mount('verifyAppPassword', express.json({ limit: '16kb' }), async (req, res) => {
    const body = VerifyAppPasswordBody.safeParse(req.body);
    if (!body.success) throw badRequest('Le corps doit être {"password": "…"}.');
    const instance = await instanceById(registry, pathParam(req, 'id'));
    const id = await verifyAppPassword(databases.db(instance.id), body.data.password);
    if (id === undefined) throw new HttpError(401, 'invalid_token', 'Mot de passe d’application inconnu.');
    res.json({ id });
  });
  mount('getInstance', async (_req, res) => {
    res.json(await instanceInfo(databases, instanceOf(res)));
  });
  return router;
}
