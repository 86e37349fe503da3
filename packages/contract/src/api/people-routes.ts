import { PeopleSearch, PeopleQuery } from '../people.ts';
import { queryParam, type ApiRoute } from './api-route.ts';

export const searchPeopleRoute = {
  method: 'get',
  path: '/gateway/people',
  service: 'gateway',
  operationId: 'searchPeople',
  summary: 'Find people with a space, by name or email',
  tags: ['people'],
  permission: 'session',
  params: [queryParam('q', '2 to 100 characters.', PeopleQuery, true)],
  responses: { 200: { description: 'At most 20, the caller left out.', payload: PeopleSearch } },
  errors: ['bad_request'],
} as const satisfies ApiRoute;

/**
 * The académie's directory, as far as sharing needs it. A name matches when each word of `q`
 * starts one of its words (case and accents aside), an email when it starts with `q`; emails are
 * never answered. (Kept out of `description`: the table is in the shell's bundle.)
 */
export const peopleRoutes: readonly ApiRoute[] = [searchPeopleRoute];
