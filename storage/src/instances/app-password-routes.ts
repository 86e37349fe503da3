import { Router } from 'express';
import { createAppPasswordRoute } from '@mytoutatice/contract';
import { routeMounter } from '../auth/permit.ts';
import { pathParam } from '../http/path-param.ts';
import { createAppPassword, listAppPasswords, revokeAppPassword } from './app-passwords.ts';
import type { InstanceDatabases } from './instance-databases.ts';
import { instanceOf } from './owner-instance.ts';
import type { InstanceRecords } from './instance-records.ts';

/** The owner's device app passwords: list, create (the password answered once), revoke. */
export function appPasswordRoutes(instances: InstanceRecords, databases: InstanceDatabases): Router {
  const router = Router();
  const mount = routeMounter(router, { instances, databases });
  mount('listAppPasswords', async (_req, res) => {
    res.json({ items: await listAppPasswords(databases.db(instanceOf(res).id)) });
  });
  mount(createAppPasswordRoute, async (_req, res, { body }) => {
    res.status(201).json(await createAppPassword(databases.db(instanceOf(res).id), body.label));
  });
  mount('revokeAppPassword', async (req, res) => {
    await revokeAppPassword(databases.db(instanceOf(res).id), pathParam(req, 'id'));
    res.status(204).end();
  });
  return router;
}
