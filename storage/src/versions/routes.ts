import { Router } from 'express';
import { routeMounter } from '../auth/permit.ts';
import { sendFileContent } from '../files/content-response.ts';
import { getRegularFile } from '../files/file-rows.ts';
import { stripsGps } from '../files/gps/gps-free-content.ts';
import { pathParam } from '../http/path-param.ts';
import type { InstanceDatabases } from '../instances/instance-databases.ts';
import { instanceOf } from '../instances/owner-instance.ts';
import type { InstanceRecords } from '../instances/instance-records.ts';
import { deleteVersion } from './delete-version.ts';
import { overwriteFile } from './overwrite.ts';
import { restoreVersion } from './restore-version.ts';
import { getVersion, listVersions, toFileVersion } from './version-rows.ts';

export interface VersionRoutesOptions {
  instances: InstanceRecords;
  databases: InstanceDatabases;
  maxFileBytes: number;
}

export function versionRoutes({ instances, databases, maxFileBytes }: VersionRoutesOptions): Router {
  const router = Router();
  const mount = routeMounter(router, { instances, databases });

  // No body parser here: the body is the new content, streamed to the blob store.
  mount('overwriteFile', async (req, res) => {
    res.json(
      await overwriteFile(databases, maxFileBytes, {
        instance: instanceOf(res),
        id: pathParam(req, 'id'),
        contentDigest: req.get('content-digest'),
        contentLength: req.get('content-length'),
        ifMatch: req.get('if-match'),
        body: req,
      }),
    );
  });

  mount('listFileVersions', async (req, res) => {
    const db = databases.db(instanceOf(res).id);
    const file = await getRegularFile(db, pathParam(req, 'id'));
    res.json({ items: (await listVersions(db, file.id)).map(toFileVersion) });
  });

  mount('getFileVersionContent', async (req, res) => {
    const instance = instanceOf(res);
    const db = databases.db(instance.id);
    const file = await getRegularFile(db, pathParam(req, 'id'));
    const version = await getVersion(db, file.id, pathParam(req, 'versionId'));
    const asServed = { ...file, size: version.size, sha256: version.sha256, mime: version.mime };
    await sendFileContent(req, res, { blobs: databases.blobs, instanceId: instance.id, key: version.blobKey, stripGps: stripsGps(res) }, asServed);
  });

  mount('restoreFileVersion', async (req, res) => {
    res.json(await restoreVersion(databases, instanceOf(res).id, pathParam(req, 'id'), pathParam(req, 'versionId')));
  });

  mount('deleteFileVersion', async (req, res) => {
    await deleteVersion(databases, instanceOf(res).id, pathParam(req, 'id'), pathParam(req, 'versionId'));
    res.status(204).end();
  });

  return router;
}
