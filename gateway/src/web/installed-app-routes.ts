import express from 'express';
import type { Router } from 'express';
import { listAppsRoute, mintAppTokenRoute, type InstalledApp } from '@mytoutatice/contract';
import { mountRoute, notFound } from '@mytoutatice/server-kit';
import type { AppTokens } from '../auth/app-tokens.ts';
import { currentUser } from '../auth/authenticate.ts';

export type InstalledAppRoutesDeps = {
  /** The apps built now: read on every call, since releasing an app reloads them without a restart. */
  apps: () => readonly InstalledApp[];
  appTokens: AppTokens;
};

/** `/gateway/apps`, behind `authenticate`: the apps the shell lists, and the `/api` bearer each one calls with. */
export function installedAppRoutes(deps: InstalledAppRoutesDeps): Router {
  const router = express.Router();
  mountRoute(router, listAppsRoute, (_req, res) => {
    res.json(deps.apps());
  });
  mountRoute(router, mintAppTokenRoute, async (_req, res, { params }) => {
    const app = deps.apps().find((installed) => installed.slug === params.slug);
    if (!app) throw notFound('Cette application n’est pas installée.');
    res.setHeader('cache-control', 'no-store');
    res.json(await deps.appTokens.mint(currentUser(res).sub, app));
  });
  return router;
}
