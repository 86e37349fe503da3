import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NoteItem, realtimeCloseCodes } from '@mytoutatice/contract';
import { eventually, SocketProbe } from '@mytoutatice/storage/testing';
import { openNoteClient, until, type NoteClient } from '@mytoutatice/storage/notes-testing';
import { jsonBody, sharingCalls } from '../../test/sharing-test-calls.ts';
import { startGateway, type GatewayHarness } from '../../test/gateway-harness.ts';
import { createRealtimeProxy } from './realtime-proxy.ts';

/**
 * `/api/notes/<id>/collab` and `/api/sharings/<id>/notes/<id>/collab` through the real gateway:
 * the owner edits on their node, a member with « Peut consulter » on another node sees it live
 * and cannot change it, and losing access closes the member's socket at once.
 */
describe(`${createRealtimeProxy.name}: notes`, () => {
  let gw: GatewayHarness;
  let calls: ReturnType<typeof sharingCalls>;
  let teacher: string;
  let pupil: string;
  const clients: NoteClient[] = [];

  beforeAll(async () => {
    gw = await startGateway({}, { nodes: 2 });
    calls = sharingCalls(gw);
    teacher = await gw.onboard('enseignant');
    pupil = await gw.onboard('eleve', gw.secondStorage);
  }, 60_000);
  afterAll(async () => {
    clients.forEach((client) => client.destroy());
    await gw.close();
  });

  const open = async (token: string, base: string, fileId: string) => {
    const client = await openNoteClient(() => `${gw.url}${base}`, () => token, fileId);
    clients.push(client);
    return client;
  };
  const createNote = async (token: string, markdown: string) => {
    const response = await gw.call(token, '/api/notes', jsonBody('POST', { markdown }));
    expect(response.status).toBe(201);
    return NoteItem.parse(await response.json());
  };

  it('lets the owner edit a note from two devices through the gateway, the Markdown file following', async () => {
    const note = await createNote(teacher, 'Réunion');
    const laptop = await open(teacher, '/api', note.file.id);
    const phone = await open(teacher, '/api', note.file.id);
    laptop.type(' parents-professeurs');
    await until(() => phone.text() === 'Réunion parents-professeurs', 5000, 'the phone never saw the laptop type');
    await laptop.saved();
    await eventually(async () => (await (await gw.call(teacher, `/api/files/${note.file.id}/content`)).text()) === 'Réunion parents-professeurs\n', 8000);
  });

  it('shows a reader the owner’s typing live, refuses the reader’s changes, and closes the reader’s socket when access ends', async () => {
    const note = await createNote(teacher, 'Consignes');
    const sharing = await calls.share(teacher, note.file.id, [{ slug: 'eleve', role: 'read' }]);
    const owner = await open(teacher, '/api', note.file.id);
    const reader = await open(pupil, `/api/sharings/${sharing.id}`, note.file.id);
    expect(reader.text()).toBe('Consignes');
    owner.type(' du devoir');
    await until(() => reader.text() === 'Consignes du devoir', 5000, 'the reader never saw the owner type');
    reader.type(' — modifié par l’élève');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(owner.text()).toBe('Consignes du devoir');

    expect((await gw.call(teacher, `/gateway/sharings/${sharing.id}/members/eleve`, { method: 'DELETE' })).status).toBe(204);
    await until(() => reader.closes.includes(realtimeCloseCodes.accessChanged), 5000, 'the reader’s socket stayed open');
  });

  it('passes on the storage’s word on the note: 404 for another person’s, 409 in the trash, 415 for a file that is not Markdown', async () => {
    const note = await createNote(teacher, 'Privé');
    const refusal = async (token: string, path: string) => (await SocketProbe.refusal(`${gw.url.replace(/^http/, 'ws')}${path}`, { authorization: `Bearer ${token}` })).status;
    expect(await refusal(pupil, `/api/notes/${note.file.id}/collab`)).toBe(404);
    expect(await refusal(pupil, `/api/notes/${note.file.id}/collab/extra`)).toBe(404);
    const photo = await calls.upload(teacher, 'root', 'photo.png', 'pas du Markdown');
    expect(await refusal(teacher, `/api/notes/${photo.id}/collab`)).toBe(415);
    expect((await gw.call(teacher, `/api/files/${note.file.id}`, { method: 'DELETE' })).status).toBe(200);
    expect(await refusal(teacher, `/api/notes/${note.file.id}/collab`)).toBe(409);
  });
});
