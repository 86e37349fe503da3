import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChangeBatch, PublicLink, realtimeCloseCodes } from '@mytoutatice/contract';
import { SocketProbe } from '@mytoutatice/storage/testing';
import { jsonBody, sharingCalls } from '../../test/sharing-test-calls.ts';
import { startGateway, type GatewayEndpoint, type GatewayHarness } from '../../test/gateway-harness.ts';
import { STATE_ON_POSTGRES } from '../../test/test-state.ts';
import { openGatewayState } from './gateway-state.ts';

/**
 * Two gateways behind one load balancer: state objects of their own, one database (PostgreSQL on
 * the `gateway-postgres` run, the same SQLite files on the embedded one). What one changes, the
 * other honours on its next request: nothing about access is cached in a process.
 */
describe(openGatewayState.name, () => {
  let gw: GatewayHarness;
  let second: GatewayEndpoint;
  let calls: ReturnType<typeof sharingCalls>;
  let teacher: string;
  let pupil: string;
  let folder: { id: string };

  beforeAll(async () => {
    gw = await startGateway();
    second = await gw.anotherGateway();
    calls = sharingCalls(gw);
    teacher = await gw.onboard('enseignant');
    pupil = await gw.onboard('eleve');
    folder = await calls.folder(teacher, 'root', 'Cours');
    await calls.upload(teacher, folder.id, 'programme.txt', 'Départ 8 h');
  }, 60_000);
  afterAll(() => gw.close());

  it('finds a space made through the other gateway at once', async () => {
    const agent = await gw.onboard('agent');
    const me = await second.call(agent, '/gateway/me');
    expect(((await me.json()) as { space: { slug: string } | null }).space?.slug).toBe('agent');
    expect((await second.call(agent, '/api/files/root/children')).status).toBe(200);
  });

  it('opens a sharing made through one gateway to its member through the other at once, and closes it at once', async () => {
    const sharing = await calls.share(teacher, folder.id, [{ slug: 'eleve', role: 'read' }]);
    const listing = `/api/sharings/${sharing.id}/files/${folder.id}/children`;
    const through = await second.call(pupil, listing);
    expect(through.status).toBe(200);
    expect(((await through.json()) as { items: { name: string }[] }).items.map((item) => item.name)).toEqual(['programme.txt']);

    expect((await gw.call(teacher, `/gateway/sharings/${sharing.id}/members/eleve`, { method: 'DELETE' })).status).toBe(204);
    expect(await calls.outcome(await second.call(pupil, listing))).toBe('404 not_found');
  });

  it.runIf(STATE_ON_POSTGRES)('closes a member’s socket held by the other gateway at once (4403) when they are removed or their role changes', async () => {
    const sharing = await calls.share(teacher, folder.id, [{ slug: 'eleve', role: 'write' }]);
    const follow = async () => {
      const probe = await SocketProbe.open(`${second.url.replace(/^http/, 'ws')}/api/sharings/${sharing.id}/realtime`, { authorization: `Bearer ${pupil}` });
      ChangeBatch.parse(await probe.next(() => true));
      return probe;
    };
    const lowered = await follow();
    expect((await gw.call(teacher, `/gateway/sharings/${sharing.id}/members/eleve`, jsonBody('PATCH', { role: 'read' }))).status).toBe(200);
    expect((await lowered.closed).code).toBe(realtimeCloseCodes.accessChanged);

    const removed = await follow();
    expect((await gw.call(teacher, `/gateway/sharings/${sharing.id}/members/eleve`, { method: 'DELETE' })).status).toBe(204);
    expect((await removed.closed).code).toBe(realtimeCloseCodes.accessChanged);
  });

  it('refuses a link disabled through one gateway on the other', async () => {
    const created = await gw.call(teacher, '/gateway/links', jsonBody('POST', { itemId: folder.id, access: 'read' }));
    const link = PublicLink.parse(await created.json());
    const listing = `/api/links/${link.code}/files/${folder.id}/children`;
    expect((await second.call(undefined, listing)).status).toBe(200);

    expect((await gw.call(teacher, `/gateway/links/${link.id}`, { method: 'DELETE' })).status).toBe(204);
    expect(await calls.outcome(await second.call(undefined, listing))).toBe('404 not_found');
    expect((await second.call(undefined, `/gateway/public/links/${link.code}`)).status).toBe(404);
  });
});
