import { Router } from 'express';
import { zipSelectionRoute } from '@mytoutatice/contract';
import { routeMounter } from '../auth/permit.ts';
import { pathParam } from '../http/path-param.ts';
import type { InstanceDatabases } from '../instances/instance-databases.ts';
import { instanceOf } from '../instances/owner-instance.ts';
import type { InstanceRecords } from '../instances/instance-records.ts';
import { folderZip, selectionZip } from './zip-entries.ts';
import { sendZip } from './zip-response.ts';

export function zipRoutes(instances: InstanceRecords, databases: InstanceDatabases): Router {
  const router = Router();
  const mount = routeMounter(router, { instances, databases });

  mount('zipFolder', async (req, res) => {
    const instanceId = instanceOf(res).id;
    await sendZip(res, databases.blobs, instanceId, await folderZip(databases.db(instanceId), pathParam(req, 'id')));
  });

  // 1000 ids of up to 36 characters, quoted, and a name, with room to spare.
  mount(
    zipSelectionRoute,
    async (_req, res, { body }) => {
      const instanceId = instanceOf(res).id;
      await sendZip(res, databases.blobs, instanceId, await selectionZip(databases.db(instanceId), body));
    },
    { jsonLimit: '64kb' },
  );

  return router;
}
