import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from './client.ts';
import { createPeople } from './people.ts';
import { json, startTestServer } from './test-server.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe(createPeople.name, () => {
  it('searches the académie directory on the gateway, the words in the query string', async () => {
    const people = { people: [{ slug: 'eleve', name: 'Jordan Abiven', address: 'eleve.mytoutatice.cloud' }] };
    server.handle((_req, res) => json(res, 200, people));
    const client = createClient({ baseUrl: server.baseUrl, getToken: () => 'tok' });
    await expect(client.people.search('jordan ab')).resolves.toEqual(people);
    expect(server.seen[0]).toMatchObject({ method: 'GET', url: '/gateway/people?q=jordan+ab' });
  });
});
