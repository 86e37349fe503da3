import { Router } from 'express';
import { parseLimit } from '../http/pagination.ts';
import type { InstanceDatabases } from '../instances/instance-databases.ts';
import { routeMounter } from '../auth/permit.ts';
import { instanceOf } from '../instances/owner-instance.ts';
import type { InstanceRegistry } from '../instances/registry.ts';
import { emptyTrash } from './destroy.ts';
import { favoriteFiles } from './favorites.ts';
import { recentFiles } from './recent.ts';
import { searchFiles } from './search.ts';
import { listTrash } from './trash.ts';

/**
 * Routes whose second segment is a word, not an id. Mounted before `/files/:id…`, which would
 * otherwise take `search`, `recent`, `favorites` or `trash` for an id.
 */
export function trashAndFindRoutes(registry: InstanceRegistry, databases: InstanceDatabases): Router {
  const router = Router();
  const mount = routeMounter(router, { registry, databases });
  const db = (res: Parameters<typeof instanceOf>[0]) => databases.db(instanceOf(res).id);

  mount('searchFiles', async (req, res) => {
    res.json(await searchFiles(db(res), req.query.q, parseLimit(req.query.limit), req.query.cursor));
  });

  mount('listRecentFiles', async (req, res) => {
    res.json(await recentFiles(db(res), parseLimit(req.query.limit), req.query.cursor));
  });

  mount('listFavoriteFiles', async (req, res) => {
    res.json(await favoriteFiles(db(res), parseLimit(req.query.limit), req.query.cursor));
  });

  mount('listTrash', async (req, res) => {
    res.json(await listTrash(db(res), parseLimit(req.query.limit), req.query.cursor));
  });

  mount('emptyTrash', async (_req, res) => {
    const instance = instanceOf(res);
    await emptyTrash(databases, instance.id);
    res.status(204).end();
  });

  return router;
}
