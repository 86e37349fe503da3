import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChangeBatch, realtimeCloseCodes } from '@mytoutatice/contract';
import { SocketProbe } from '@mytoutatice/storage/testing';
import { jsonBody, sharingCalls } from '../../test/sharing-test-calls.ts';
import { startGateway, type GatewayHarness } from '../../test/gateway-harness.ts';
import { SharingSockets } from './sharing-sockets.ts';

/**
 * `/api/sharings/<id>/realtime` through the real gateway, the owner's space on one storage node
 * and the members' on another: both sides see each other's writes live, and ending a member's
 * access closes their sockets at once (4403) while everyone else's stay open.
 */
describe(SharingSockets.name, () => {
  let gw: GatewayHarness;
  let calls: ReturnType<typeof sharingCalls>;
  let teacher: string;
  let pupil: string;
  let agent: string;
  let wsBase: string;

  beforeAll(async () => {
    gw = await startGateway({}, { nodes: 2 });
    calls = sharingCalls(gw);
    teacher = await gw.onboard('enseignant');
    pupil = await gw.onboard('eleve', gw.secondStorage);
    agent = await gw.onboard('agent', gw.secondStorage);
    wsBase = gw.url.replace(/^http/, 'ws');
  }, 60_000);
  afterAll(() => gw.close());

  /** Opens a socket as the sdk does (subscribe to files, then follow from the first position). */
  const follow = async (token: string, path: string) => {
    const probe = await SocketProbe.open(`${wsBase}${path}`, { authorization: `Bearer ${token}` });
    const greeting = ChangeBatch.parse(await probe.next(() => true));
    probe.send({ subscribe: { files: true } });
    probe.send({ since: greeting.last });
    return probe;
  };
  const refusal = async (token: string, path: string) => (await SocketProbe.refusal(`${wsBase}${path}`, { authorization: `Bearer ${token}` })).status;
  const isOpen = async (probe: SocketProbe) => (await Promise.race([probe.closed.then(() => false), new Promise((resolve) => setTimeout(() => resolve(true), 0))])) as boolean;

  async function sharedClassroom(name: string) {
    const folder = await calls.folder(teacher, 'root', name);
    const outside = await calls.folder(teacher, 'root', `${name} (privé)`);
    const sharing = await calls.share(teacher, folder.id, [
      { slug: 'eleve', role: 'write' },
      { slug: 'agent', role: 'write' },
    ]);
    return { folder, outside, id: sharing.id, api: `/api/sharings/${sharing.id}`, realtime: `/api/sharings/${sharing.id}/realtime` };
  }

  it('shows a member the owner’s changes inside the shared folder only, and the owner the member’s', async () => {
    const { folder, outside, api, realtime } = await sharedClassroom('Sciences');
    const member = await follow(pupil, realtime);
    const owner = await follow(teacher, '/api/realtime');

    const hidden = await calls.upload(teacher, outside.id, 'notes-perso.txt');
    const lesson = await calls.upload(teacher, folder.id, 'cours.txt');
    await member.waitForChange(lesson.id);
    expect(member.changeIds()).not.toContain(hidden.id);

    const homework = await calls.upload(pupil, folder.id, 'devoir.txt', 'ma réponse', api);
    await owner.waitForChange(homework.id);
    await member.waitForChange(homework.id);
    member.close();
    owner.close();
  });

  it('closes a removed member’s sockets at once (4403) and refuses them back (404); the others’ stay open', async () => {
    const { folder, id, realtime } = await sharedClassroom('Histoire');
    const removed = [await follow(pupil, realtime), await follow(pupil, realtime)];
    const other = await follow(agent, realtime);
    const ownersOwn = await follow(teacher, realtime);
    const ownSpace = await follow(pupil, '/api/realtime');

    expect((await gw.call(teacher, `/gateway/sharings/${id}/members/eleve`, { method: 'DELETE' })).status).toBe(204);
    for (const socket of removed) expect((await socket.closed).code).toBe(realtimeCloseCodes.accessChanged);
    expect(await refusal(pupil, realtime)).toBe(404);

    const after = await calls.upload(teacher, folder.id, 'après.txt');
    await other.waitForChange(after.id);
    await ownersOwn.waitForChange(after.id);
    expect(await isOpen(ownSpace)).toBe(true);
    for (const socket of [other, ownersOwn, ownSpace]) socket.close();
  });

  it('closes a member’s socket when their role changes; back in, they follow with the new role', async () => {
    const { folder, id, api, realtime } = await sharedClassroom('Géographie');
    const member = await follow(pupil, realtime);
    const other = await follow(agent, realtime);

    expect((await gw.call(teacher, `/gateway/sharings/${id}/members/eleve`, jsonBody('PATCH', { role: 'read' }))).status).toBe(200);
    expect((await member.closed).code).toBe(realtimeCloseCodes.accessChanged);
    const again = await follow(pupil, realtime);
    const map = await calls.upload(teacher, folder.id, 'carte.txt');
    await again.waitForChange(map.id);
    expect((await gw.call(pupil, `${api}/files/${folder.id}/files?name=refus.txt`, { method: 'POST', body: 'non' })).status).toBe(403);

    // Naming the same role again changes nothing: no one is disconnected.
    expect((await gw.call(teacher, `/gateway/sharings/${id}/members`, jsonBody('POST', { members: [{ slug: 'eleve', role: 'read' }] }))).status).toBe(200);
    const next = await calls.upload(teacher, folder.id, 'légende.txt');
    await again.waitForChange(next.id);
    await other.waitForChange(next.id);
    expect(await isOpen(again)).toBe(true);
    expect(await isOpen(other)).toBe(true);
    again.close();
    other.close();
  });

  it('closes every socket through a sharing when the owner stops it', async () => {
    const { id, realtime } = await sharedClassroom('Anglais');
    const sockets = [await follow(pupil, realtime), await follow(agent, realtime), await follow(teacher, realtime)];
    expect((await gw.call(teacher, `/gateway/sharings/${id}`, { method: 'DELETE' })).status).toBe(204);
    for (const socket of sockets) expect((await socket.closed).code).toBe(realtimeCloseCodes.accessChanged);
    expect(await refusal(agent, realtime)).toBe(404);
    expect(await refusal(teacher, realtime)).toBe(404);
  });

  it('refuses a sharing one has no part in, and one whose folder is in the owner’s trash', async () => {
    const { folder, realtime } = await sharedClassroom('Musique');
    const stranger = await gw.onboard('admin');
    expect(await refusal(stranger, realtime)).toBe(404);
    expect(await refusal(pupil, '/api/sharings/pas-un-partage/realtime')).toBe(404);
    expect((await gw.call(teacher, `/api/files/${folder.id}`, { method: 'DELETE' })).ok).toBe(true);
    expect(await refusal(pupil, realtime)).toBe(404);
  });
});
