import express from 'express';
import type { Router } from 'express';
import { MAX_PEOPLE_RESULTS, searchPeopleRoute, type PeopleSearch } from '@mytoutatice/contract';
import { mountRoute } from '@mytoutatice/server-kit';
import { currentUser } from '../auth/authenticate.ts';
import { spaceAddress } from '../onboarding/onboarding-routes.ts';
import type { Directory } from '../directory/directory.ts';

export type PeopleRoutesDeps = { directory: Directory; spaceDomain: string };

/** A space's address as people give it to each other, with its scheme: `https://<slug>.<domain>`. */
function spaceUrl(spaceDomain: string, slug: string): string {
  return `https://${spaceAddress(spaceDomain, slug)}`;
}

/**
 * `GET /gateway/people?q=`, behind `authenticate`: the académie's directory, to pick recipients
 * (« Saisissez le courriel ou le nom du destinataire. »). Only people who have a space, never
 * the caller, never an email.
 */
export function peopleRoutes(deps: PeopleRoutesDeps): Router {
  const router = express.Router();
  mountRoute(router, searchPeopleRoute, async (_req, res, { query }) => {
    const found = await deps.directory.search(query.q, currentUser(res).sub, MAX_PEOPLE_RESULTS);
    const answer: PeopleSearch = { people: found.map(({ slug, name }) => ({ slug, name, address: spaceUrl(deps.spaceDomain, slug) })) };
    res.setHeader('cache-control', 'no-store');
    res.json(answer);
  });
  return router;
}
