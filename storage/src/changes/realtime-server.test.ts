import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChangeBatch, FileDoc, Problem, REALTIME_PROTOCOL } from '@mytoutatice/contract';
import { startStorage, type StorageHarness, type TestInstance } from '../../test/harness/storage-harness.ts';
import { RealtimeServer } from './realtime-server.ts';
import { SocketProbe } from '../../test/changes/socket-probe.ts';

describe(RealtimeServer.name, () => {
  let storage: StorageHarness;
  let alice: TestInstance;
  let bob: TestInstance;
  let wsUrl: string;
  beforeAll(async () => {
    storage = await startStorage();
    alice = await storage.createInstance('alice');
    bob = await storage.createInstance('bob');
    wsUrl = `${storage.url.replace(/^http/, 'ws')}/realtime`;
  });
  afterAll(() => storage.close());

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const connect = async (who: TestInstance) => {
    const probe = await SocketProbe.open(wsUrl, bearer(who.token));
    await probe.next((message) => ChangeBatch.safeParse(message).success);
    return probe;
  };
  const createFolder = async (who: TestInstance, name: string, parent = 'root') => {
    const response = await storage.call(who.token, `/files/${parent}/folders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name }),
    });
    expect(response.status).toBe(201);
    return FileDoc.parse(await response.json());
  };
  const createDocument = async (who: TestInstance, doctype: string) => {
    const response = await storage.call(who.token, `/data/${doctype}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      // Satisfies both first-party schemas used here (notes need a title, contacts a fullname).
      body: JSON.stringify({ data: { title: 'Note', fullname: 'Contact' } }),
    });
    expect(response.status).toBe(201);
    return (await response.json()) as { id: string };
  };
  const currentSeq = async (who: TestInstance) => ChangeBatch.parse(await (await storage.call(who.token, '/changes?since=0&limit=1000')).json()).last;

  it('starts with the current seq, then pushes only what the subscriptions match', async () => {
    const folder = await createFolder(alice, 'Anglais');
    const socket = await SocketProbe.open(wsUrl, bearer(alice.token));
    expect(socket.protocol).toBe(REALTIME_PROTOCOL);
    expect(await socket.next(() => true)).toEqual({ changes: [], last: await currentSeq(alice) });
    socket.send({ subscribe: { folder: folder.id } });
    socket.send({ subscribe: { doctype: 'io.mytoutatice.notes' } });
    await new Promise((resolve) => setTimeout(resolve, 50));

    const elsewhere = await createFolder(alice, 'Ailleurs');
    const contact = await createDocument(alice, 'io.mytoutatice.contacts');
    const inside = await createFolder(alice, 'Leçon 1', folder.id);
    const note = await createDocument(alice, 'io.mytoutatice.notes');
    await socket.waitForChange(note.id);

    expect(socket.changeIds()).toEqual([inside.id, note.id]);
    expect(socket.changeIds()).not.toContain(elsewhere.id);
    expect(socket.changeIds()).not.toContain(contact.id);
    const last = socket.batches().at(-1);
    expect(last?.changes.at(-1)).toEqual({ seq: last?.last, kind: 'document', id: note.id, doctype: 'io.mytoutatice.notes', deleted: false });
    socket.close();
  });

  it('replays from `since` what was missed while away, then follows live', async () => {
    const before = await currentSeq(alice);
    const missed = await createFolder(alice, 'Pendant la coupure');
    const socket = await connect(alice);
    socket.send({ subscribe: { files: true } });
    socket.send({ since: before });
    await socket.waitForChange(missed.id);
    const live = await createFolder(alice, 'Après');
    await socket.waitForChange(live.id);
    expect(socket.changeIds()).toEqual([missed.id, live.id]);
    socket.close();
  });

  it('sends its position after a replay that matched nothing', async () => {
    const before = await currentSeq(alice);
    await createDocument(alice, 'io.mytoutatice.contacts');
    const now = await currentSeq(alice);
    const socket = await connect(alice);
    socket.send({ subscribe: { doctype: 'io.mytoutatice.notes' } });
    socket.send({ since: before });
    await socket.next((message) => ChangeBatch.safeParse(message).success && (message as ChangeBatch).last === now && socket.messages.indexOf(message) > 0);
    expect(socket.changeIds()).toEqual([]);
    socket.close();
  });

  it('never pushes another instance’s changes', async () => {
    const bobs = await connect(bob);
    bobs.send({ subscribe: { files: true } });
    bobs.send({ subscribe: { doctype: 'io.mytoutatice.notes' } });
    const alices = await connect(alice);
    alices.send({ subscribe: { files: true } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const folder = await createFolder(alice, 'Rien que pour Alice');
    await createDocument(alice, 'io.mytoutatice.notes');
    await alices.waitForChange(folder.id);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(bobs.changeIds()).toEqual([]);
    bobs.close();
    alices.close();
  });

  it('answers a malformed message with an error and keeps the connection', async () => {
    const socket = await connect(alice);
    socket.send({ subscribe: { doctype: 'Pas un doctype' } });
    socket.send({ bonjour: true });
    await socket.next((message) => typeof message === 'object' && message !== null && 'error' in message);
    socket.send({ subscribe: { files: true } });
    const folder = await createFolder(alice, 'Toujours là');
    await socket.waitForChange(folder.id);
    socket.close();
  });

  it('refuses an upgrade without a valid owner token, with a problem and no socket', async () => {
    const missing = await SocketProbe.refusal(wsUrl);
    expect(missing.status).toBe(401);
    expect(Problem.parse(JSON.parse(missing.body)).code).toBe('unauthenticated');
    expect((await SocketProbe.refusal(wsUrl, bearer('pas-un-jeton'))).status).toBe(401);
    const forged = await storage.sign('owner', { sub: alice.id, secret: 'another-secret-another-secret-0123456' });
    expect((await SocketProbe.refusal(wsUrl, bearer(forged))).status).toBe(401);
    const expired = await storage.sign('owner', { sub: alice.id, expiresIn: -10 });
    expect((await SocketProbe.refusal(wsUrl, bearer(expired))).status).toBe(401);
    expect((await SocketProbe.refusal(wsUrl, bearer(await storage.sign('admin')))).status).toBe(403);
    const nobody = await storage.sign('owner', { sub: '00000000-0000-4000-8000-000000000000' });
    expect((await SocketProbe.refusal(wsUrl, bearer(nobody))).status).toBe(404);
    expect((await SocketProbe.refusal(`${storage.url.replace(/^http/, 'ws')}/ailleurs`, bearer(alice.token))).status).toBe(404);
  });

  it('closes with 4001 when the token expires, after telling where to resume', async () => {
    const shortLived = await storage.sign('owner', { sub: alice.id, expiresIn: 2 });
    const socket = await SocketProbe.open(wsUrl, bearer(shortLived));
    socket.send({ subscribe: { doctype: 'io.mytoutatice.notes' } });
    await createDocument(alice, 'io.mytoutatice.contacts');
    const now = await currentSeq(alice);
    expect((await socket.closed).code).toBe(4001);
    expect(socket.messages.at(-1)).toEqual({ changes: [], last: now });
  });

  it('holds a bounded number of sockets per instance: one more is closed with 1013', async () => {
    const carol = await storage.createInstance('carol');
    const sockets = await Promise.all(Array.from({ length: 32 }, () => connect(carol)));
    const extra = await SocketProbe.open(wsUrl, bearer(carol.token));
    expect((await extra.closed).code).toBe(1013);
    // Another instance is not affected.
    const other = await connect(bob);
    other.close();
    sockets[0]?.close();
    await sockets[0]?.closed;
    const again = await connect(carol);
    again.close();
    sockets.forEach((socket) => socket.close());
  });
});
