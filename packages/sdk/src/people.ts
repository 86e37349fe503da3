import { PeopleList } from '@mytoutatice/contract';
import type { CallOptions, Transport } from './transport.ts';

export type PeopleResource = {
  /** People who have a space, by name (any word's start) or email's start; 2 to 100 characters. Never their emails. */
  search(q: string, options?: CallOptions): Promise<PeopleList>;
};

export function createPeople(transport: Transport): PeopleResource {
  return {
    search: (q, { signal } = {}) => transport.request('/gateway/people', PeopleList, { query: { q }, signal }),
  };
}
