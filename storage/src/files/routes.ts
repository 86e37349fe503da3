import express, { Router } from 'express';
import { CreateFolderBody } from '@mytoutatice/contract';
import type { DownloadTokens } from '../auth/download-token.ts';
import { requireScope } from '../auth/internal-token.ts';
import { HttpError, badRequest, notFound } from '@mytoutatice/server-kit';
import { parseLimit } from '../http/pagination.ts';
import { pathParam } from '../http/path-param.ts';
import type { InstanceDatabases } from '../instances/instance-databases.ts';
import { blobPath } from '../instances/instance-db.ts';
import { instanceOf, ownerOnly } from '../instances/owner-instance.ts';
import type { InstanceRegistry } from '../instances/registry.ts';
import { sendFileContent } from './content-response.ts';
import { createDownloadLink } from './download-link.ts';
import { getFile, getRegularFile, toFileDoc } from './file-rows.ts';
import { createFolder } from './folders.ts';
import { listChildren } from './listing.ts';
import { uploadFile } from './upload.ts';

export interface FileRoutesOptions {
  registry: InstanceRegistry;
  databases: InstanceDatabases;
  downloadTokens: DownloadTokens;
  maxFileBytes: number;
}

export function fileRoutes({ registry, databases, downloadTokens, maxFileBytes }: FileRoutesOptions): Router {
  const router = Router();
  const owner = ownerOnly(registry);

  // Before the owner routes: `/files/downloads/<token>/children` must not look like a listing.
  router.get('/files/downloads/:token/:name', requireScope('link'), async (req, res) => {
    const grant = await downloadTokens.verify(pathParam(req, 'token'));
    if (!grant) throw new HttpError(401, 'invalid_token', 'Ce lien de téléchargement est invalide ou a expiré.');
    const instance = registry.byId(grant.instanceId);
    if (!instance) throw notFound('Ce fichier n’existe plus.');
    const file = getRegularFile(databases.db(instance.id), grant.fileId);
    await sendFileContent(req, res, blobPath(databases.paths(instance.id), file.id), file);
  });

  router.get('/files/:id', ...owner, (req, res) => {
    res.json(toFileDoc(getFile(databases.db(instanceOf(res).id), pathParam(req, 'id'))));
  });

  router.get('/files/:id/children', ...owner, (req, res) => {
    const limit = parseLimit(req.query.limit);
    res.json(listChildren(databases.db(instanceOf(res).id), pathParam(req, 'id'), limit, req.query.cursor));
  });

  router.post('/files/:parentId/folders', ...owner, express.json({ limit: '16kb' }), (req, res) => {
    const body = CreateFolderBody.safeParse(req.body);
    if (!body.success) throw new HttpError(400, 'invalid_name', 'Le corps doit être {"name": "…"}.');
    res.status(201).json(createFolder(databases.db(instanceOf(res).id), pathParam(req, 'parentId'), body.data.name));
  });

  // No body parser here: the body is the file, streamed to disk.
  router.post('/files/:parentId/files', ...owner, async (req, res) => {
    const contentLength = req.get('content-length');
    if (contentLength !== undefined && !/^[0-9]{1,16}$/.test(contentLength)) throw badRequest('Content-Length invalide.');
    const file = await uploadFile(databases, maxFileBytes, {
      instance: instanceOf(res),
      parentId: pathParam(req, 'parentId'),
      name: req.query.name,
      conflict: req.query.conflict,
      contentDigest: req.get('content-digest'),
      contentLength,
      body: req,
    });
    res.status(201).json(file);
  });

  router.get('/files/:id/content', ...owner, async (req, res) => {
    const instance = instanceOf(res);
    const file = getRegularFile(databases.db(instance.id), pathParam(req, 'id'));
    await sendFileContent(req, res, blobPath(databases.paths(instance.id), file.id), file);
  });

  router.post('/files/:id/download-link', ...owner, async (req, res) => {
    const instance = instanceOf(res);
    res.json(await createDownloadLink(databases.db(instance.id), downloadTokens, instance.id, pathParam(req, 'id')));
  });

  return router;
}
