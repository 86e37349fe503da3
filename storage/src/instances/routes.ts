import express, { Router } from 'express';
import { routeMounter } from '../auth/permit.ts';
import type { MetadataBackend } from '../db/metadata-backend.ts';
import type { InstanceDatabases } from './instance-databases.ts';
import { createInstance, instanceInfo } from './instance-service.ts';
import { instanceOf } from './owner-instance.ts';
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
  mount('getInstance', async (_req, res) => {
    res.json(await instanceInfo(databases, instanceOf(res)));
  });
  return router;
}
