import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocumentListing, doctypes, type Document } from '@mytoutatice/contract';
import { openGatewayState } from '../state/gateway-state.ts';
import type { sharingCalls } from '../../test/sharing-test-calls.ts';
import { jsonBody, twoNodeClass } from '../../test/sharing-test-calls.ts';
import type { GatewayHarness } from '../../test/gateway-harness.ts';
import { sharingNotifier } from './sharing-notifier.ts';

describe(sharingNotifier.name, () => {
  let gw: GatewayHarness;
  let calls: ReturnType<typeof sharingCalls>;
  /** The teacher and the agent on the first node, the pupils on the second. */
  let teacher: string;
  let pupil: string;
  let agent: string;
  let secondPupil: string;

  beforeAll(async () => {
    ({ gw, calls, teacher, pupil, agent, secondPupil } = await twoNodeClass());
    // A space whose node is gone (its machine down): slug `absent`.
    const state = openGatewayState(gw.config);
    await state.directory.add({ sub: 'gone', instanceId: 'gone-instance', slug: 'absent', backendUrl: 'http://127.0.0.1:9', createdAt: new Date().toISOString() });
    await state.close();
  }, 60_000);
  afterAll(() => gw.close());

  /** The notifications in one's own space, as the Home reads them: newest first. */
  const notifications = async (token: string): Promise<Document['data'][]> => {
    const res = await gw.call(token, `/api/data/${doctypes.notifications}?order=desc`);
    expect(res.status).toBe(200);
    return DocumentListing.parse(await res.json()).items.map((item) => item.data);
  };

  it('writes one into each new member’s own space, on either node, none in the owner’s', async () => {
    const folder = await calls.folder(teacher, 'root', 'Cours');
    const { id } = await calls.share(teacher, folder.id, [
      { slug: 'eleve', role: 'write' },
      { slug: 'agent', role: 'read' },
    ]);
    const expected = { kind: 'sharing', sharingId: id, itemKind: 'folder', itemName: 'Cours', ownerName: 'Annabel Bourde', readAt: null };
    expect(await notifications(pupil)).toEqual([{ ...expected, role: 'write', createdAt: expect.any(String) }]);
    expect(await notifications(agent)).toEqual([{ ...expected, role: 'read', createdAt: expect.any(String) }]);
    expect(await notifications(teacher)).toEqual([]);
    expect(await notifications(secondPupil)).toEqual([]);
  });

  it('tells only the people added, not those whose role changes', async () => {
    const file = await calls.upload(teacher, 'root', 'bareme.pdf', 'barème');
    const { id } = await calls.share(teacher, file.id, [{ slug: 'eleve', role: 'read' }]);
    const before = (await notifications(pupil)).length;
    const added = await gw.call(teacher, `/gateway/sharings/${id}/members`, jsonBody('POST', { members: [{ slug: 'eleve', role: 'write' }, { slug: 'admin', role: 'read' }] }));
    expect(added.status).toBe(200);
    expect((await gw.call(teacher, `/gateway/sharings/${id}/members/admin`, jsonBody('PATCH', { role: 'write' }))).status).toBe(200);

    expect(await notifications(pupil)).toHaveLength(before);
    expect(await notifications(secondPupil)).toEqual([
      { kind: 'sharing', sharingId: id, itemKind: 'file', itemName: 'bareme.pdf', ownerName: 'Annabel Bourde', role: 'read', createdAt: expect.any(String), readAt: null },
    ]);
  });

  it('shares all the same when a member’s node is down, telling the others', async () => {
    const folder = await calls.folder(teacher, 'root', 'Sortie scolaire');
    const { id, members } = await calls.share(teacher, folder.id, [
      { slug: 'absent', role: 'read' },
      { slug: 'agent', role: 'read' },
    ]);
    expect(members.map((member) => member.slug).sort()).toEqual(['absent', 'agent']);
    expect((await notifications(agent)).map((n) => n.sharingId)).toContain(id);

    const other = await calls.folder(teacher, 'root', 'Conseil de classe');
    const sharing = await calls.share(teacher, other.id, [{ slug: 'eleve', role: 'read' }]);
    const added = await gw.call(teacher, `/gateway/sharings/${sharing.id}/members`, jsonBody('POST', { members: [{ slug: 'absent', role: 'read' }] }));
    expect(added.status).toBe(200);
  });

  it('lets the recipient mark one read, as their own data', async () => {
    const folder = await calls.folder(teacher, 'root', 'Projet');
    await calls.share(teacher, folder.id, [{ slug: 'admin', role: 'write' }]);
    const listing = DocumentListing.parse(await (await gw.call(secondPupil, `/api/data/${doctypes.notifications}?order=desc`)).json());
    const newest = listing.items[0];
    if (!newest) throw new Error('no notification');
    expect(newest.data.itemName).toBe('Projet');
    const read = await gw.call(secondPupil, `/api/data/${doctypes.notifications}/${newest.id}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'if-match': `"${newest.rev}"` },
      body: JSON.stringify({ data: { ...newest.data, readAt: new Date().toISOString() } }),
    });
    expect(read.status).toBe(200);
    expect((await notifications(secondPupil))[0]?.readAt).toEqual(expect.any(String));
  });
});
