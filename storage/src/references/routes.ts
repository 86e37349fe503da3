import express, { Router } from 'express';
import { readableDoctypesOf, routeMounter } from '../auth/permit.ts';
import { validDoctype } from '../documents/documents.ts';
import { parseLimit } from '../http/pagination.ts';
import { pathParam } from '../http/path-param.ts';
import type { InstanceDatabases } from '../instances/instance-databases.ts';
import { instanceOf } from '../instances/owner-instance.ts';
import type { InstanceRegistry } from '../instances/registry.ts';
import { addReferences, listReferences, listReferencingDocuments, removeReferences, type DocumentKey } from './references.ts';

export function referenceRoutes(registry: InstanceRegistry, databases: InstanceDatabases): Router {
  const router = Router();
  const mount = routeMounter(router, { registry, databases });
  // 1000 ids of up to 36 characters, quoted, with room to spare.
  const json = express.json({ limit: '64kb' });
  const documentOf = (req: express.Request): DocumentKey => ({ doctype: validDoctype(pathParam(req, 'doctype')), id: pathParam(req, 'id') });

  mount('addReferences', json, async (req, res) => {
    await addReferences(databases.db(instanceOf(res).id), documentOf(req), req.body);
    res.status(204).end();
  });

  mount('removeReferences', json, async (req, res) => {
    await removeReferences(databases.db(instanceOf(res).id), documentOf(req), req.body);
    res.status(204).end();
  });

  mount('listReferences', async (req, res) => {
    const page = { limit: parseLimit(req.query.limit), cursor: req.query.cursor };
    res.json(await listReferences(databases.db(instanceOf(res).id), documentOf(req), page));
  });

  mount('listReferencingDocuments', async (req, res) => {
    const page = { limit: parseLimit(req.query.limit), cursor: req.query.cursor };
    res.json(await listReferencingDocuments(databases.db(instanceOf(res).id), pathParam(req, 'id'), readableDoctypesOf(res), page));
  });

  return router;
}
