import { Router } from 'express';
import { MAX_CHANGES_WAIT_S } from '@mytoutatice/contract';
import { badRequest } from '@mytoutatice/server-kit';
import { parseLimit } from '../http/pagination.ts';
import type { InstanceDatabases } from '../instances/instance-databases.ts';
import { changeFilterOf, routeMounter } from '../auth/permit.ts';
import { instanceOf } from '../instances/owner-instance.ts';
import type { InstanceRegistry } from '../instances/registry.ts';
import { readChanges, readVisibleChanges } from './feed.ts';
import type { ChangeNotifier } from './notifier.ts';

/** `?since=`: a seq (0 when absent: everything). */
function parseSince(raw: unknown): number {
  if (raw === undefined || raw === '') return 0;
  if (typeof raw !== 'string' || !/^[0-9]{1,15}$/.test(raw)) {
    throw badRequest('Le paramètre since doit être un entier positif ou nul.');
  }
  return Number(raw);
}

/** `?wait=`: seconds to hold the answer when nothing is newer; 0 when absent, at most 30. */
function parseWait(raw: unknown): number {
  if (raw === undefined || raw === '') return 0;
  if (typeof raw !== 'string' || !/^[0-9]{1,9}$/.test(raw)) {
    throw badRequest('Le paramètre wait doit être un nombre de secondes.');
  }
  return Math.min(Number(raw), MAX_CHANGES_WAIT_S);
}

export function changeRoutes(registry: InstanceRegistry, databases: InstanceDatabases, notifier: ChangeNotifier): Router {
  const router = Router();
  const mount = routeMounter(router, { registry, databases });

  mount('readChanges', async (req, res) => {
    const since = parseSince(req.query.since);
    const limit = parseLimit(req.query.limit);
    const wait = parseWait(req.query.wait);
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
