import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PeopleSearch } from '@mytoutatice/contract';
import { startGateway, type GatewayHarness } from '../../test/gateway-harness.ts';
import { peopleRoutes } from './people-routes.ts';

describe(peopleRoutes.name, () => {
  let gw: GatewayHarness;
  let teacher: string;
  let pupil: string;
  let agent: string;
  /** Signed in at the ENT, no space yet. */
  let noSpace: string;

  beforeAll(async () => {
    gw = await startGateway({ SPACE_DOMAIN: 'mytoutatice.cloud' }, { nodes: 2 });
    teacher = await gw.onboard('enseignant');
    // Placed on the second node by hand: the directory learns the name at the first shell start.
    pupil = await gw.onboard('eleve', gw.secondStorage);
    await gw.call(pupil, '/gateway/me');
    agent = await gw.onboard('agent');
    noSpace = (await gw.tokenFor('admin')).access_token;
    await gw.call(noSpace, '/gateway/me');
  }, 60_000);
  afterAll(() => gw.close());

  const search = async (token: string, q: string) => {
    const res = await gw.call(token, `/gateway/people?q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toContain('@');
    return PeopleSearch.parse(JSON.parse(text)).people;
  };
  const names = async (token: string, q: string) => (await search(token, q)).map((person) => person.name);

  it('finds people with a space by the start of any word of their name, accents and case aside', async () => {
    expect(await search(pupil, 'bo')).toEqual([{ slug: 'enseignant', name: 'Annabel Bourde', address: 'https://enseignant.mytoutatice.cloud' }]);
    expect(await names(pupil, 'ANNA')).toEqual(['Annabel Bourde']);
    expect(await names(teacher, 'bre')).toEqual(['Yannick Bré']);
    expect(await names(teacher, 'Bré')).toEqual(['Yannick Bré']);
    expect(await names(agent, 'jordan ab')).toEqual(['Jordan Abiven']);
    expect(await names(agent, 'ord')).toEqual([]);
  });

  it('finds people by the start of their email, never showing it', async () => {
    expect(await search(teacher, 'Jordan.Abiven@')).toEqual([{ slug: 'eleve', name: 'Jordan Abiven', address: 'https://eleve.mytoutatice.cloud' }]);
    expect(await names(teacher, 'yannick.bre@ac-rennes.fr')).toEqual(['Yannick Bré']);
    expect(await names(teacher, 'ac-rennes.fr')).toEqual([]);
  });

  it('leaves out the caller and people who have no space', async () => {
    expect(await names(teacher, 'annabel')).toEqual([]);
    expect(await names(pupil, 'annabel')).toEqual(['Annabel Bourde']);
    expect(await names(teacher, 'sophie')).toEqual([]);
    expect(await names(teacher, 'sophie.schaal@')).toEqual([]);
    // Searching needs no space of one's own.
    expect(await names(noSpace, 'bourde')).toEqual(['Annabel Bourde']);
  });

  it('refuses a query under 2 or over 100 characters, or none, with 400', async () => {
    for (const q of ['', 'b', ' b ', 'x'.repeat(101)]) {
      const res = await gw.call(teacher, `/gateway/people?q=${encodeURIComponent(q)}`);
      expect(res.status, q).toBe(400);
      expect(((await res.json()) as { code: string }).code).toBe('bad_request');
    }
    expect((await gw.call(teacher, '/gateway/people')).status).toBe(400);
    expect((await gw.call(teacher, '/gateway/people?q=ab&q=cd')).status).toBe(400);
    expect((await gw.call(teacher, `/gateway/people?q=${'x'.repeat(100)}`)).status).toBe(200);
    expect((await gw.call(undefined, '/gateway/people?q=bo')).status).toBe(401);
  });
});
