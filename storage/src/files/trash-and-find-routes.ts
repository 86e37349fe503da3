import { Router } from 'express';
import { listFavoriteFilesRoute, listRecentFilesRoute, listTrashRoute, searchFilesRoute } from '@mytoutatice/contract';
import { pageSize } from '../http/pagination.ts';
import type { InstanceDatabases } from '../instances/instance-databases.ts';
import { routeMounter } from '../auth/permit.ts';
import { instanceOf } from '../instances/owner-instance.ts';
import type { InstanceRecords } from '../instances/instance-records.ts';
import { emptyTrash } from './destroy.ts';
import { favoriteFiles } from './favorites.ts';
import { recentFiles } from './recent.ts';
import { searchFiles } from './search.ts';
import { listTrash } from './trash.ts';

/**
 * Routes whose second segment is a word, not an id. Mounted before `/files/:id…`, which would
 * otherwise take `search`, `recent`, `favorites` or `trash` for an id.
 */
export function trashAndFindRoutes(instances: InstanceRecords, databases: InstanceDatabases): Router {
  const router = Router();
  const mount = routeMounter(router, { instances, databases });
  const db = (res: Parameters<typeof instanceOf>[0]) => databases.db(instanceOf(res).id);

  mount(searchFilesRoute, async (_req, res, { query }) => {
    res.json(await searchFiles(db(res), query.q, pageSize(query.limit), query.cursor));
  });

  mount(listRecentFilesRoute, async (_req, res, { query }) => {
    res.json(await recentFiles(db(res), pageSize(query.limit), query.cursor));
  });

  mount(listFavoriteFilesRoute, async (_req, res, { query }) => {
    res.json(await favoriteFiles(db(res), pageSize(query.limit), query.cursor));
  });

  mount(listTrashRoute, async (_req, res, { query }) => {
    res.json(await listTrash(db(res), pageSize(query.limit), query.cursor));
  });

  mount('emptyTrash', async (_req, res) => {
    const instance = instanceOf(res);
    await emptyTrash(databases, instance.id);
    res.status(204).end();
  });

  return router;
}
