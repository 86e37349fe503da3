import { PeopleSearch, PeopleQuery } from '../people.ts';
import { queryParam, type ApiRoute } from './api-route.ts';

/** The académie's directory, as far as sharing needs it. */
export const peopleRoutes: readonly ApiRoute[] = [
  {
    method: 'get',
    path: '/gateway/people',
    service: 'gateway',
    operationId: 'searchPeople',
    summary: 'Find people who have a space, by name or email, to share with',
    description:
      'A name matches when each word of `q` starts one of its words (case and accents aside); an email when it starts with `q`. At most 20, the caller left out, emails never answered.',
    tags: ['people'],
    permission: 'session',
    params: [queryParam('q', 'A name or the start of an email, 2 to 100 characters.', PeopleQuery, true)],
    responses: { 200: { description: 'The people found, by name.', payload: PeopleSearch } },
    errors: ['bad_request'],
  },
];
