import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Sharing, SharingList, type SharingRole } from '@mytoutatice/contract';
import { startGateway, type GatewayHarness } from '../../test/gateway-harness.ts';
import { sharingRoutes } from './sharing-routes.ts';
import { jsonBody, sharingCalls } from '../../test/sharing-test-calls.ts';

type Case = 'owner' | SharingRole | 'stranger' | 'removed';

/**
 * What each part in a sharing gets from every sharing route and from the item reached through
 * it, written from the rules: the owner manages, members use what their role opens,
 * anyone else (a removed member included) learns nothing, not even that the sharing exists.
 */
const EXPECTED: Record<Case, Record<string, number | boolean>> = {
  owner: { get: 200, listed: true, list: 200, read: 200, upload: 201, renameItem: 403, add: 200, role: 200, remove: 204, stop: 204 },
  write: { get: 200, listed: true, list: 200, read: 200, upload: 201, renameItem: 403, add: 403, role: 403, remove: 403, stop: 403 },
  read: { get: 200, listed: true, list: 200, read: 200, upload: 403, renameItem: 403, add: 403, role: 403, remove: 403, stop: 403 },
  // A « dépôt »: may add, sees only what they added (the owner's file is out of sight).
  drop: { get: 200, listed: true, list: 200, read: 404, upload: 201, renameItem: 403, add: 403, role: 403, remove: 403, stop: 403 },
  stranger: { get: 404, listed: false, list: 404, read: 404, upload: 404, renameItem: 404, add: 404, role: 404, remove: 404, stop: 404 },
  removed: { get: 404, listed: false, list: 404, read: 404, upload: 404, renameItem: 404, add: 404, role: 404, remove: 404, stop: 404 },
};

describe(sharingRoutes.name, () => {
  let gw: GatewayHarness;
  let calls: ReturnType<typeof sharingCalls>;
  /** The teacher's space is on the first storage node, the pupil's on the second. */
  const tokens: Record<'teacher' | 'pupil' | 'agent' | 'admin', string> = { teacher: '', pupil: '', agent: '', admin: '' };

  beforeAll(async () => {
    gw = await startGateway({}, { nodes: 2 });
    calls = sharingCalls(gw);
    tokens.teacher = await gw.onboard('enseignant');
    tokens.pupil = await gw.onboard('eleve', gw.secondStorage);
    tokens.agent = await gw.onboard('agent');
    tokens.admin = await gw.onboard('admin', gw.secondStorage);
  }, 60_000);
  afterAll(() => gw.close());

  /** A fresh folder of the teacher's holding `cours.txt`, shared with the agent and, as `part` says, the pupil. */
  async function sharedFolder(part: Case) {
    const folder = await calls.folder(tokens.teacher, 'root', `Cours ${part}`);
    const course = await calls.upload(tokens.teacher, folder.id, 'cours.txt');
    const pupil = part === 'owner' || part === 'stranger' ? [] : [{ slug: 'eleve', role: part === 'removed' ? 'read' : part } as const];
    const sharing = await calls.share(tokens.teacher, folder.id, [{ slug: 'agent', role: 'read' }, ...pupil]);
    if (part === 'removed') expect((await gw.call(tokens.teacher, `/gateway/sharings/${sharing.id}/members/eleve`, { method: 'DELETE' })).status).toBe(204);
    return { folder, course, sharing };
  }

  it('names the members as the ENT last named them, and never shows their emails', async () => {
    await gw.call(tokens.pupil, '/gateway/me');
    const folder = await calls.folder(tokens.teacher, 'root', 'Sortie');
    const sharing = await calls.share(tokens.teacher, folder.id, [{ slug: 'agent', role: 'read' }, { slug: 'eleve', role: 'write' }]);
    const seen = Sharing.parse(await (await gw.call(tokens.teacher, `/gateway/sharings/${sharing.id}`)).json());
    expect(seen.members.map(({ slug, name }) => [slug, name])).toEqual([
      ['agent', 'Yannick Bré'],
      ['eleve', 'Jordan Abiven'],
    ]);
    expect(JSON.stringify(seen)).not.toMatch(/@/);
  });

  for (const part of Object.keys(EXPECTED) as Case[]) {
    it(`answers the ${part} as the rules say, on every route`, async () => {
      const { folder, course, sharing } = await sharedFolder(part);
      const token = part === 'owner' ? tokens.teacher : tokens.pupil;
      const gateway = `/gateway/sharings/${sharing.id}`;
      const api = `/api/sharings/${sharing.id}`;
      const status = async (path: string, init?: RequestInit) => (await gw.call(token, path, init)).status;
      const listed = SharingList.parse(await (await gw.call(token, '/gateway/sharings')).json());
      const seen = {
        get: await status(gateway),
        listed: [...listed.sent, ...listed.received].some((s) => s.id === sharing.id),
        list: await status(`${api}/files/${folder.id}/children`),
        read: await status(`${api}/files/${course.id}/content`),
        upload: await status(`${api}/files/${folder.id}/files?name=${part}.txt`, { method: 'POST', body: part }),
        renameItem: await status(`${api}/files/${folder.id}`, jsonBody('PATCH', { name: 'Renommé' })),
        add: await status(`${gateway}/members`, jsonBody('POST', { members: [{ slug: 'admin', role: 'read' }] })),
        role: await status(`${gateway}/members/agent`, jsonBody('PATCH', { role: 'write' })),
        remove: await status(`${gateway}/members/agent`, { method: 'DELETE' }),
        stop: await status(gateway, { method: 'DELETE' }),
      };
      expect(seen).toEqual(EXPECTED[part]);
      // The folder kept its name whoever asked, and a stopped sharing is gone for its owner too.
      expect((await (await gw.call(tokens.teacher, `/api/files/${folder.id}`)).json()).name).toBe(`Cours ${part}`);
      if (part === 'owner') expect(await status(gateway)).toBe(404);
    });
  }

  it('refuses what cannot be shared, naming why, and never another’s item', async () => {
    const folder = await calls.folder(tokens.teacher, 'root', 'À partager');
    const file = await calls.upload(tokens.teacher, folder.id, 'fiche.txt');
    const trashed = await calls.upload(tokens.teacher, 'root', 'jeté.txt');
    await gw.call(tokens.teacher, `/api/files/${trashed.id}`, { method: 'DELETE' });
    const create = async (token: string | undefined, body: unknown) => calls.outcome(await gw.call(token, '/gateway/sharings', jsonBody('POST', body)));
    const reader = [{ slug: 'eleve', role: 'read' }];
    expect(await create(tokens.teacher, { itemId: 'root', members: reader })).toBe('400 bad_request');
    expect(await create(tokens.teacher, { itemId: 'trash', members: reader })).toBe('400 bad_request');
    expect(await create(tokens.teacher, { itemId: trashed.id, members: reader })).toBe('409 in_trash');
    expect(await create(tokens.teacher, { itemId: folder.id, members: [{ slug: 'personne', role: 'read' }] })).toBe('404 not_found');
    expect(await create(tokens.teacher, { itemId: folder.id, members: [{ slug: 'enseignant', role: 'read' }] })).toBe('400 bad_request');
    expect(await create(tokens.teacher, { itemId: file.id, members: [{ slug: 'eleve', role: 'drop' }] })).toBe('400 bad_request');
    expect(await create(tokens.teacher, { itemId: folder.id, members: [{ slug: 'eleve', role: 'admin' }] })).toBe('400 bad_request');
    expect(await create(tokens.teacher, { itemId: folder.id, members: [] })).toBe('400 bad_request');
    expect(await create(tokens.teacher, { itemId: randomBytes(8).toString('hex'), members: reader })).toBe('404 not_found');
    // Re-sharing: the item is looked for in the caller's own space, where the teacher's is not.
    await calls.share(tokens.teacher, folder.id, [{ slug: 'eleve', role: 'read' }]);
    expect(await create(tokens.pupil, { itemId: folder.id, members: [{ slug: 'agent', role: 'write' }] })).toBe('404 not_found');
    expect(await create(undefined, { itemId: folder.id, members: reader })).toBe('401 unauthenticated');
  });

  it('lists what one sent and received, with names but no email, each member seeing only themself', async () => {
    const folder = await calls.folder(tokens.teacher, 'root', 'Sortie scolaire');
    const made = await calls.share(tokens.teacher, folder.id, [
      { slug: 'eleve', role: 'read' },
      { slug: 'agent', role: 'write' },
      { slug: 'eleve', role: 'write' },
    ]);
    expect(made.members.map((m) => `${m.slug}:${m.role}`).sort()).toEqual(['agent:write', 'eleve:write']);

    const sent = await gw.call(tokens.teacher, '/gateway/sharings');
    const sentText = await sent.text();
    expect(sentText).not.toContain('@');
    const mine = SharingList.parse(JSON.parse(sentText)).sent.find((s) => s.id === made.id);
    expect(mine).toMatchObject({ access: 'owner', item: { id: folder.id, kind: 'folder', name: 'Sortie scolaire' }, owner: { slug: 'enseignant' } });

    const received = SharingList.parse(await (await gw.call(tokens.pupil, '/gateway/sharings')).json()).received.find((s) => s.id === made.id);
    expect(received?.access).toBe('write');
    expect(received?.owner.name).toBe(mine?.owner.name);
    expect(received?.owner.name).not.toBe('');
    expect(received?.members.map((m) => m.slug)).toEqual(['eleve']);
    const detail = (await (await gw.call(tokens.pupil, `/gateway/sharings/${made.id}`)).json()) as Sharing;
    expect(detail.members.map((m) => m.slug)).toEqual(['eleve']);
  });

  it('lets a member leave, but not remove another; once gone, the sharing is unknown to them', async () => {
    const folder = await calls.folder(tokens.teacher, 'root', 'Club théâtre');
    const { id } = await calls.share(tokens.teacher, folder.id, [
      { slug: 'eleve', role: 'write' },
      { slug: 'admin', role: 'read' },
    ]);
    expect(await calls.outcome(await gw.call(tokens.pupil, `/gateway/sharings/${id}/members/admin`, { method: 'DELETE' }))).toBe('403 forbidden');
    expect((await gw.call(tokens.pupil, `/gateway/sharings/${id}/members/eleve`, { method: 'DELETE' })).status).toBe(204);
    expect(await calls.outcome(await gw.call(tokens.pupil, `/gateway/sharings/${id}`))).toBe('404 not_found');
    expect(await calls.outcome(await gw.call(tokens.pupil, `/api/sharings/${id}/files/${folder.id}/children`))).toBe('404 not_found');
    expect((await gw.call(tokens.admin, `/api/sharings/${id}/files/${folder.id}/children`)).status).toBe(200);
    // A member cannot give themself more either.
    expect(await calls.outcome(await gw.call(tokens.admin, `/gateway/sharings/${id}/members/admin`, jsonBody('PATCH', { role: 'write' })))).toBe('403 forbidden');
    expect(await calls.outcome(await gw.call(tokens.teacher, `/gateway/sharings/${id}/members/eleve`, jsonBody('PATCH', { role: 'read' })))).toBe('404 not_found');
  });

  it('answers 404 for a sharing id one has no part in, guessed or malformed, on every route', async () => {
    const folder = await calls.folder(tokens.teacher, 'root', 'Privé');
    const { id } = await calls.share(tokens.teacher, folder.id, [{ slug: 'eleve', role: 'read' }]);
    for (const sharingId of [id, randomBytes(16).toString('base64url'), 'pas-un-id']) {
      const outcomes = await Promise.all([
        gw.call(tokens.agent, `/gateway/sharings/${sharingId}`),
        gw.call(tokens.agent, `/gateway/sharings/${sharingId}`, { method: 'DELETE' }),
        gw.call(tokens.agent, `/gateway/sharings/${sharingId}/members`, jsonBody('POST', { members: [{ slug: 'agent', role: 'write' }] })),
        gw.call(tokens.agent, `/gateway/sharings/${sharingId}/members/eleve`, jsonBody('PATCH', { role: 'write' })),
        gw.call(tokens.agent, `/gateway/sharings/${sharingId}/members/eleve`, { method: 'DELETE' }),
        gw.call(tokens.agent, `/api/sharings/${sharingId}/files/${folder.id}`),
      ]);
      expect(outcomes.map((res) => res.status), sharingId).toEqual([404, 404, 404, 404, 404, 404]);
    }
    // The sharing is untouched by all that.
    expect((await gw.call(tokens.pupil, `/api/sharings/${id}/files/${folder.id}`)).status).toBe(200);
  });
});
