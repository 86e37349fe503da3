import express, { Router } from 'express';
import { MAX_DOCUMENT_BYTES } from '@mytoutatice/contract';
import { parseLimit } from '../http/pagination.ts';
import { pathParam } from '../http/path-param.ts';
import type { InstanceDatabases } from '../instances/instance-databases.ts';
import { instanceOf, ownerOnly } from '../instances/owner-instance.ts';
import type { InstanceRegistry } from '../instances/registry.ts';
import { createDocument, getDocument, listDocuments, validDoctype } from './documents.ts';

/** Room for the `{"data": …}` envelope around a document of the largest size. */
const BODY_LIMIT = MAX_DOCUMENT_BYTES + 1024;

export function documentRoutes(registry: InstanceRegistry, databases: InstanceDatabases): Router {
  const router = Router();
  const owner = ownerOnly(registry);

  router.get('/data/:doctype', ...owner, (req, res) => {
    const doctype = validDoctype(pathParam(req, 'doctype'));
    const limit = parseLimit(req.query.limit);
    res.json(listDocuments(databases.db(instanceOf(res).id), doctype, limit, req.query.cursor));
  });

  router.post('/data/:doctype', ...owner, express.json({ limit: BODY_LIMIT }), (req, res) => {
    const doctype = validDoctype(pathParam(req, 'doctype'));
    res.status(201).json(createDocument(databases.db(instanceOf(res).id), doctype, req.body));
  });

  router.get('/data/:doctype/:id', ...owner, (req, res) => {
    const doctype = validDoctype(pathParam(req, 'doctype'));
    res.json(getDocument(databases.db(instanceOf(res).id), doctype, pathParam(req, 'id')));
  });

  return router;
}
