import { Router } from 'express';
import { copyFileRoute, createFolderRoute, deleteFileRoute, listFolderRoute, updateFileRoute } from '@mytoutatice/contract';
import type { DownloadTokens } from '../auth/download-token.ts';
import { claimsOf, creatorOf } from '../auth/internal-token.ts';
import { onlyCreatedByOf, routeMounter } from '../auth/permit.ts';
import { HttpError, notFound } from '@mytoutatice/server-kit';
import { pageSize } from '../http/pagination.ts';
import { pathParam } from '../http/path-param.ts';
import type { InstanceDatabases } from '../instances/instance-databases.ts';
import { instanceOf } from '../instances/owner-instance.ts';
import type { InstanceRecords } from '../instances/instance-records.ts';
import { sendFileContent } from './content-response.ts';
import { createDownloadLink } from './download-link.ts';
import { contentKey, getFile, getRegularFile, toFileDoc } from './file-rows.ts';
import { createFolder } from './folders.ts';
import { stripsGps } from './gps/gps-free-content.ts';
import { copyFile } from './copy.ts';
import { destroyFile } from './destroy.ts';
import { listChildren } from './listing.ts';
import { restoreFile } from './restore.ts';
import { trashAndFindRoutes } from './trash-and-find-routes.ts';
import { trashFile } from './trash.ts';
import { updateFile } from './update-file.ts';
import { uploadFile } from './upload.ts';

export interface FileRoutesOptions {
  instances: InstanceRecords;
  databases: InstanceDatabases;
  downloadTokens: DownloadTokens;
  maxFileBytes: number;
}

export function fileRoutes({ instances, databases, downloadTokens, maxFileBytes }: FileRoutesOptions): Router {
  const router = Router();
  const mount = routeMounter(router, { instances, databases });

  // Before the `/files/{id}…` routes: `/files/downloads/<token>/children` must not look like a listing.
  mount('downloadByLink', async (req, res) => {
    const grant = await downloadTokens.verify(pathParam(req, 'token'));
    if (!grant) throw new HttpError(401, 'invalid_token', 'Ce lien de téléchargement est invalide ou a expiré.');
    const instance = await instances.byId(grant.instanceId);
    if (!instance) throw notFound('Ce fichier n’existe plus.');
    const file = await getRegularFile(databases.db(instance.id), grant.fileId);
    const stripGps = grant.stripGps === true;
    await sendFileContent(req, res, { blobs: databases.blobs, instanceId: instance.id, key: contentKey(file), stripGps }, file);
  });

  router.use(trashAndFindRoutes(instances, databases));

  mount('getFile', async (req, res) => {
    res.json(toFileDoc(await getFile(databases.db(instanceOf(res).id), pathParam(req, 'id'))));
  });

  mount(listFolderRoute, async (req, res, { query }) => {
    res.json(
      await listChildren(databases.db(instanceOf(res).id), pathParam(req, 'id'), {
        sort: query.sort ?? 'name',
        order: query.order ?? 'asc',
        limit: pageSize(query.limit),
        cursor: query.cursor,
        createdBy: onlyCreatedByOf(res),
      }),
    );
  });

  mount(updateFileRoute, async (req, res, { body, query }) => {
    res.json(await updateFile(databases.db(instanceOf(res).id), pathParam(req, 'id'), body, query.conflict));
  });

  // Without `forever`: into the trash (200 and the trashed item); with it: gone for good (204).
  mount(deleteFileRoute, async (req, res, { query }) => {
    const instance = instanceOf(res);
    if (query.forever !== 'true') {
      res.json(await trashFile(databases.db(instance.id), pathParam(req, 'id')));
      return;
    }
    await destroyFile(databases, instance.id, pathParam(req, 'id'));
    res.status(204).end();
  });

  mount('restoreFile', async (req, res) => {
    res.json(await restoreFile(databases.db(instanceOf(res).id), pathParam(req, 'id')));
  });

  mount(copyFileRoute, async (req, res, { body, query }) => {
    const file = await copyFile(databases, {
      instance: instanceOf(res),
      createdBy: creatorOf(res),
      id: pathParam(req, 'id'),
      body,
      conflict: query.conflict,
    });
    res.status(201).json(file);
  });

  mount(createFolderRoute, async (req, res, { body }) => {
    res.status(201).json(await createFolder(databases.db(instanceOf(res).id), pathParam(req, 'parentId'), body.name, creatorOf(res)));
  });

  // No body parser here: the body is the file, streamed to disk.
  mount('uploadFile', async (req, res) => {
    const file = await uploadFile(databases, maxFileBytes, {
      instance: instanceOf(res),
      createdBy: creatorOf(res),
      parentId: pathParam(req, 'parentId'),
      name: req.query.name,
      conflict: req.query.conflict,
      contentDigest: req.get('content-digest'),
      contentLength: req.get('content-length'),
      body: req,
    });
    res.status(201).json(file);
  });

  mount('getFileContent', async (req, res) => {
    const instance = instanceOf(res);
    const file = await getRegularFile(databases.db(instance.id), pathParam(req, 'id'));
    await sendFileContent(req, res, { blobs: databases.blobs, instanceId: instance.id, key: contentKey(file), stripGps: stripsGps(res) }, file);
  });

  mount('createDownloadLink', async (req, res) => {
    const instance = instanceOf(res);
    const claims = claimsOf(res);
    const via =
      claims.scope === 'sharing'
        ? { s: claims.sharing, ...(claims.member === undefined ? {} : { m: claims.member }) }
        : claims.scope === 'visitor'
          ? { l: claims.link }
          : undefined;
    res.json(await createDownloadLink(databases.db(instance.id), downloadTokens, instance.id, pathParam(req, 'id'), via, stripsGps(res)));
  });

  return router;
}
