import { Router } from 'express';
import { MAX_CHANGES_WAIT_S, readChangesRoute } from '@mytoutatice/contract';
import { pageSize } from '../http/pagination.ts';
import type { InstanceDatabases } from '../instances/instance-databases.ts';
import { changeFilterOf, routeMounter } from '../auth/permit.ts';
import { instanceOf } from '../instances/owner-instance.ts';
import type { InstanceRecords } from '../instances/instance-records.ts';
import { readChanges, readVisibleChanges } from './feed.ts';
import type { ChangeNotifier } from './notifier.ts';

export function changeRoutes(instances: InstanceRecords, databases: InstanceDatabases, notifier: ChangeNotifier): Router {
  const router = Router();
  const mount = routeMounter(router, { instances, databases });

  mount(readChangesRoute, async (_req, res, { query }) => {
    const since = query.since ?? 0;
    const limit = pageSize(query.limit);
    const wait = Math.min(query.wait ?? 0, MAX_CHANGES_WAIT_S);
    const instanceId = instanceOf(res).id;
    const visible = changeFilterOf(res);
    const read = (from: number) =>
      visible ? readVisibleChanges(databases.db(instanceId), from, limit, (batch) => batch.changes.filter(visible)) : readChanges(databases.db(instanceId), from, limit);
    let batch = await read(since);
    if (batch.changes.length === 0 && wait > 0) {
      const deadline = Date.now() + wait * 1000;
      const gone = new AbortController();
      res.once('close', () => gone.abort());
      // A poke may bring nothing visible here (a write that leaves no file or document): wait on.
      while (batch.changes.length === 0 && (await notifier.next(instanceId, deadline - Date.now(), gone.signal))) {
        batch = await read(batch.last);
      }
      if (gone.signal.aborted) return;
    }
    res.setHeader('cache-control', 'no-store');
    res.json(batch);
  });

  return router;
}
