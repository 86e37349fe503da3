import { Router, type Response } from 'express';
import { MAX_DOCUMENT_BYTES, createDocumentRoute, listDocumentsRoute, updateDocumentRoute, type Document } from '@mytoutatice/contract';
import { pathParam } from '../http/path-param.ts';
import type { InstanceDatabases } from '../instances/instance-databases.ts';
import { routeMounter } from '../auth/permit.ts';
import { instanceOf } from '../instances/owner-instance.ts';
import type { InstanceRecords } from '../instances/instance-records.ts';
import { parseDocumentQuery, queryDocuments } from './document-query.ts';
import { createDocument, deleteDocument, getDocument, updateDocument, validDoctype } from './documents.ts';
import { etagOf, ifNoneMatchHits, revisionFromIfMatch } from './revisions.ts';

/** Room for the `{"data": …}` envelope around a document of the largest size. */
const BODY_LIMIT = MAX_DOCUMENT_BYTES + 1024;

function sendDocument(res: Response, status: number, document: Document): void {
  res.status(status).setHeader('ETag', etagOf(document.rev)).json(document);
}

export function documentRoutes(instances: InstanceRecords, databases: InstanceDatabases): Router {
  const router = Router();
  const mount = routeMounter(router, { instances, databases });
  const json = { jsonLimit: String(BODY_LIMIT) };

  mount(listDocumentsRoute, async (req, res, input) => {
    const doctype = validDoctype(pathParam(req, 'doctype'));
    const query = parseDocumentQuery(doctype, input.query);
    res.json(await queryDocuments(databases.db(instanceOf(res).id), doctype, query));
  });

  mount(
    createDocumentRoute,
    async (req, res, { body }) => {
      const doctype = validDoctype(pathParam(req, 'doctype'));
      sendDocument(res, 201, await createDocument(databases.db(instanceOf(res).id), doctype, body));
    },
    json,
  );

  mount('getDocument', async (req, res) => {
    const doctype = validDoctype(pathParam(req, 'doctype'));
    const document = await getDocument(databases.db(instanceOf(res).id), doctype, pathParam(req, 'id'));
    res.setHeader('Cache-Control', 'private, no-cache');
    if (ifNoneMatchHits(req.get('if-none-match'), document.rev)) {
      res.status(304).setHeader('ETag', etagOf(document.rev)).end();
      return;
    }
    sendDocument(res, 200, document);
  });

  mount(
    updateDocumentRoute,
    async (req, res, { body }) => {
      const doctype = validDoctype(pathParam(req, 'doctype'));
      const rev = revisionFromIfMatch(req.get('if-match'));
      sendDocument(res, 200, await updateDocument(databases.db(instanceOf(res).id), doctype, pathParam(req, 'id'), rev, body));
    },
    json,
  );

  mount('deleteDocument', async (req, res) => {
    const doctype = validDoctype(pathParam(req, 'doctype'));
    const rev = revisionFromIfMatch(req.get('if-match'));
    await deleteDocument(databases.db(instanceOf(res).id), doctype, pathParam(req, 'id'), rev);
    res.status(204).end();
  });

  return router;
}
