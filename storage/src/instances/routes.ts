import express, { Router } from 'express';
import { requireScope } from '../auth/internal-token.ts';
import type { InstanceDatabases } from './instance-databases.ts';
import { createInstance, instanceInfo } from './instance-service.ts';
import { instanceOf, ownerOnly } from './owner-instance.ts';
import type { InstanceRegistry } from './registry.ts';

export function instanceRoutes(registry: InstanceRegistry, databases: InstanceDatabases, defaultQuotaBytes: number): Router {
  const router = Router();
  router.post('/instances', requireScope('admin'), express.json({ limit: '16kb' }), (req, res) => {
    res.status(201).json(createInstance(registry, databases, defaultQuotaBytes, req.body));
  });
  router.get('/instance', ...ownerOnly(registry), (_req, res) => {
    res.json(instanceInfo(databases, instanceOf(res)));
  });
  return router;
}
