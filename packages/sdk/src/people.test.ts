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
  it('searches the directory with the query in the URL, encoded', async () => {
    const people = { people: [{ slug: 'enseignant', name: 'Annabel Bourde', address: 'https://enseignant.mytoutatice.cloud' }] };
    server.handle((_req, res) => json(res, 200, people));
    const client = createClient({ baseUrl: server.baseUrl, getToken: () => 'tok' });
    await expect(client.people.search('Bré & co')).resolves.toEqual(people);
    expect(server.seen[0]).toMatchObject({ method: 'GET', url: '/gateway/people?q=Br%C3%A9+%26+co' });
  });
});
