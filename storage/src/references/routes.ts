import { Router, type Request } from 'express';
import { addReferencesRoute, listReferencesRoute, listReferencingDocumentsRoute, removeReferencesRoute } from '@mytoutatice/contract';
import { readableDoctypesOf, routeMounter } from '../auth/permit.ts';
import { validDoctype } from '../documents/documents.ts';
import { pageSize } from '../http/pagination.ts';
import { pathParam } from '../http/path-param.ts';
import type { InstanceDatabases } from '../instances/instance-databases.ts';
import { instanceOf } from '../instances/owner-instance.ts';
import type { InstanceRecords } from '../instances/instance-records.ts';
import { addReferences, listReferences, listReferencingDocuments, removeReferences, type DocumentKey } from './references.ts';

export function referenceRoutes(instances: InstanceRecords, databases: InstanceDatabases): Router {
  const router = Router();
  const mount = routeMounter(router, { instances, databases });
  // 1000 ids of up to 36 characters, quoted, with room to spare.
  const json = { jsonLimit: '64kb' };
  const documentOf = (req: Request): DocumentKey => ({ doctype: validDoctype(pathParam(req, 'doctype')), id: pathParam(req, 'id') });

  mount(
    addReferencesRoute,
    async (req, res, { body }) => {
      await addReferences(databases.db(instanceOf(res).id), documentOf(req), body);
      res.status(204).end();
    },
    json,
  );

  mount(
    removeReferencesRoute,
    async (req, res, { body }) => {
      await removeReferences(databases.db(instanceOf(res).id), documentOf(req), body);
      res.status(204).end();
    },
    json,
  );

  mount(listReferencesRoute, async (req, res, { query }) => {
    const page = { limit: pageSize(query.limit), cursor: query.cursor };
    res.json(await listReferences(databases.db(instanceOf(res).id), documentOf(req), page));
  });

  mount(listReferencingDocumentsRoute, async (req, res, { query }) => {
    const page = { limit: pageSize(query.limit), cursor: query.cursor };
    res.json(await listReferencingDocuments(databases.db(instanceOf(res).id), pathParam(req, 'id'), readableDoctypesOf(res), page));
  });

  return router;
}
