import { searchPeopleRoute, type PeopleSearch } from '@mytoutatice/contract';
import type { CallOptions, Transport } from './transport.ts';

export type PeopleResource = {
  /** People of the académie who have a space, by name or address (`q` of 2 characters at least). */
  search(q: string, options?: CallOptions): Promise<PeopleSearch>;
};

export function createPeople(transport: Transport): PeopleResource {
  return {
    search: (q, { signal } = {}) => transport.call(searchPeopleRoute, { query: { q } }, { signal }),
  };
}
