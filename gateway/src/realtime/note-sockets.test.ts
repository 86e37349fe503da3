import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LinkUnlock, NoteItem, PublicLink, realtimeCloseCodes } from '@mytoutatice/contract';
import { eventually, SocketProbe } from '@mytoutatice/storage/testing';
import { openNoteClient, until, type NoteClient } from '@mytoutatice/storage/notes-testing';
import { jsonBody, sharingCalls } from '../../test/sharing-test-calls.ts';
import { startGateway, type GatewayHarness } from '../../test/gateway-harness.ts';
import { createRealtimeProxy } from './realtime-proxy.ts';

/**
 * `/api/notes/<id>/collab`, `/api/sharings/<id>/notes/<id>/collab` and
 * `/api/links/<code>/notes/<id>/collab` through the real gateway: the owner edits on their node,
 * a member with « Peut consulter » on another node sees it live and cannot change it, and losing
 * access closes the member's socket at once; a public link's visitor reads live, never writes,
 * and is let go once the link is disabled.
 */
describe(`${createRealtimeProxy.name}: notes`, () => {
  let gw: GatewayHarness;
  let calls: ReturnType<typeof sharingCalls>;
  let teacher: string;
  let pupil: string;
  const clients: NoteClient[] = [];

  beforeAll(async () => {
    gw = await startGateway({ LINK_RECHECK_MS: '1500' }, { nodes: 2 });
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
  const createNote = async (token: string, markdown: string, parentId?: string) => {
    const response = await gw.call(token, '/api/notes', jsonBody('POST', { markdown, parentId }));
    expect(response.status).toBe(201);
    return NoteItem.parse(await response.json());
  };
  /** The status of a refused upgrade, with or without a token. */
  const refusal = async (token: string | undefined, path: string) =>
    (await SocketProbe.refusal(`${gw.url.replace(/^http/, 'ws')}${path}`, token === undefined ? {} : { authorization: `Bearer ${token}` })).status;

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
    expect(await refusal(pupil, `/api/notes/${note.file.id}/collab`)).toBe(404);
    expect(await refusal(pupil, `/api/notes/${note.file.id}/collab/extra`)).toBe(404);
    const photo = await calls.upload(teacher, 'root', 'photo.png', 'pas du Markdown');
    expect(await refusal(teacher, `/api/notes/${photo.id}/collab`)).toBe(415);
    expect((await gw.call(teacher, `/api/files/${note.file.id}`, { method: 'DELETE' })).status).toBe(200);
    expect(await refusal(teacher, `/api/notes/${note.file.id}/collab`)).toBe(409);
  });

  it('shows a public link’s visitor the note live, refuses their changes, and lets them go once the link is disabled', async () => {
    const folder = await calls.folder(teacher, 'root', 'Journal de classe');
    const note = await createNote(teacher, 'Sortie', folder.id);
    // A link that takes drops into the folder still opens its notes to reading only.
    const link = PublicLink.parse(await (await gw.call(teacher, '/gateway/links', jsonBody('POST', { itemId: folder.id, access: 'write' }))).json());
    const owner = await open(teacher, '/api', note.file.id);
    const visitor = await open('', `/api/links/${link.code}`, note.file.id);
    owner.type(' au musée');
    await until(() => visitor.text() === 'Sortie au musée', 5000, 'the visitor never saw the owner type');
    visitor.type(' — tagué');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(owner.text()).toBe('Sortie au musée');
    // Checked again every LINK_RECHECK_MS: the socket comes back while the link lives…
    await until(() => visitor.closes.includes(realtimeCloseCodes.tokenExpired), 5000, 'the visitor’s socket was never checked again');
    await until(() => visitor.provider.isSynced, 5000, 'the visitor never came back');
    // …and not once it is disabled.
    expect((await gw.call(teacher, `/gateway/links/${link.id}`, { method: 'DELETE' })).status).toBe(204);
    const closesBefore = visitor.closes.length;
    await until(() => visitor.closes.length > closesBefore, 5000, 'the visitor’s socket stayed open');
    owner.type(' (privé)');
    await owner.saved();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(visitor.text()).not.toContain('(privé)');
    expect(await refusal(undefined, `/api/links/${link.code}/notes/${note.file.id}/collab`)).toBe(404);
  });

  it('asks a protected link’s password before the note, and never opens the owner’s feed or a note outside the link', async () => {
    const note = await createNote(teacher, 'Brouillon');
    const other = await createNote(teacher, 'Autre');
    const link = PublicLink.parse(await (await gw.call(teacher, '/gateway/links', jsonBody('POST', { itemId: note.file.id, access: 'read', password: 'sortie-2026' }))).json());
    const base = `/api/links/${link.code}`;
    expect(await refusal(undefined, `${base}/notes/${note.file.id}/collab`)).toBe(401);
    const { token } = LinkUnlock.parse(await (await gw.call(undefined, `/gateway/public/links/${link.code}/unlock`, jsonBody('POST', { password: 'sortie-2026' }))).json());
    expect(await refusal(token, `${base}/notes/${other.file.id}/collab`)).toBe(404);
    expect(await refusal(token, `${base}/realtime`)).toBe(404);
    const visitor = await open(token, base, note.file.id);
    expect(visitor.text()).toBe('Brouillon');
  });
});
