import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { NOTE_FRAGMENT } from '@mytoutatice/notes-doc';
import * as encoding from 'lib0/encoding';
import { FILES_TYPE, FileDoc, FileVersionList, NOTE_CLOSE, NoteItem, NoteList, REALTIME_PROTOCOL, noteCollabPath } from '@mytoutatice/contract';
import { eventually, startStorage, type StorageHarness, type TestInstance } from '../../test/harness/storage-harness.ts';
import { openNoteClient, until, type NoteClient } from '../../test/notes/note-client.ts';
import { NoteCollabServer } from './collab-server.ts';

describe(NoteCollabServer.name, () => {
  let storage: StorageHarness;
  let alice: TestInstance;
  let bob: TestInstance;
  const clients: NoteClient[] = [];
  beforeAll(async () => {
    storage = await startStorage();
    alice = await storage.createInstance('alice-notes');
    bob = await storage.createInstance('bob-notes');
  });
  afterAll(async () => {
    clients.forEach((client) => client.destroy());
    await storage.close();
  });

  const json = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const createNote = async (who: TestInstance, body: Record<string, unknown> = {}) => {
    const response = await storage.call(who.token, '/notes', json(body));
    expect(response.status).toBe(201);
    return NoteItem.parse(await response.json());
  };
  const open = async (token: string, fileId: string) => {
    const client = await openNoteClient(() => storage.url, () => token, fileId);
    clients.push(client);
    return client;
  };
  const content = async (who: TestInstance, fileId: string) => (await storage.call(who.token, `/files/${fileId}/content`)).text();
  const file = async (who: TestInstance, fileId: string) => FileDoc.parse(await (await storage.call(who.token, `/files/${fileId}`)).json());
  const sharingToken = (owner: TestInstance, folderId: string, verbs: ('read' | 'write')[]) =>
    storage.sign('sharing', { sub: owner.id, sharing: 'sh-1', member: 'bob-notes', grants: [{ type: FILES_TYPE, folderId, verbs }], expiresIn: 3600 });
  /** Opens a raw socket; resolves with the upgrade's status (101 when it opened) and the close code. */
  const rawSocket = (token: string, fileId: string) =>
    new Promise<{ status: number; ws?: WebSocket }>((resolve) => {
      const ws = new WebSocket(`${storage.url.replace(/^http/, 'ws')}${noteCollabPath(fileId)}`, [REALTIME_PROTOCOL], { headers: { authorization: `Bearer ${token}` } });
      ws.once('open', () => resolve({ status: 101, ws }));
      ws.once('unexpected-response', (_req, res) => resolve({ status: res.statusCode ?? 0 }));
      ws.once('error', () => resolve({ status: 0 }));
    });

  it('creates a note in « Notes » from Markdown, named after its first heading, and lists it', async () => {
    const note = await createNote(alice, { markdown: '# Retours sur les tests\n\nPremier retour.\n' });
    expect(note.file.name).toBe('Retours sur les tests.md');
    expect(note.file.path).toBe('/Notes/Retours sur les tests.md');
    expect(note.title).toBe('Retours sur les tests');
    const list = NoteList.parse(await (await storage.call(alice.token, '/notes')).json());
    expect(list.items.map((item) => item.file.id)).toContain(note.file.id);
    expect(list.items.find((item) => item.file.id === note.file.id)?.excerpt).toContain('Premier retour.');
    // Search by content, accents and case aside; Bob sees none of Alice's notes.
    const found = NoteList.parse(await (await storage.call(alice.token, '/notes?q=PREMIER%20retour')).json());
    expect(found.items.map((item) => item.file.id)).toEqual([note.file.id]);
    expect(NoteList.parse(await (await storage.call(bob.token, '/notes')).json()).items).toEqual([]);
  });

  it('lets two editors type together; the Markdown file and its name follow within seconds', async () => {
    const note = await createNote(alice);
    expect(note.file.name).toBe('Nouvelle note.md');
    const one = await open(alice.token, note.file.id);
    const two = await open(alice.token, note.file.id);
    one.type('Bonjour');
    await until(() => two.text() === 'Bonjour', 5000, 'the second editor never saw the first one type');
    // Typed at once at the same place: both land, in an order both agree on.
    one.type(' à tous');
    two.type(' !');
    await Promise.all([one.saved(), two.saved()]);
    await until(() => one.text() === two.text() && one.text().length === 'Bonjour à tous !'.length, 5000, 'editors never converged');
    await eventually(async () => (await content(alice, note.file.id)).includes(one.text()), 8000);
    // The first block is the title while nobody renamed the note.
    await eventually(async () => (await file(alice, note.file.id)).name === `${one.text()}.md`, 8000);
  });

  it('keeps the name the person gave instead of following the first heading', async () => {
    const note = await createNote(alice, { title: 'Compte rendu', markdown: '# Autre titre\n' });
    expect(note.file.name).toBe('Compte rendu.md');
    const editor = await open(alice.token, note.file.id);
    editor.type(' modifié');
    await editor.saved();
    await eventually(async () => (await content(alice, note.file.id)).includes('modifié'), 8000);
    expect((await file(alice, note.file.id)).name).toBe('Compte rendu.md');
  });

  it('refuses a read-only member’s changes on the server, while they see others’ live', async () => {
    const note = await createNote(alice, { markdown: 'Texte partagé' });
    const owner = await open(alice.token, note.file.id);
    const reader = await open(await sharingToken(alice, note.file.id, ['read']), note.file.id);
    expect(reader.text()).toBe('Texte partagé');
    owner.type(' et mis à jour');
    await until(() => reader.text() === 'Texte partagé et mis à jour', 5000, 'the reader never saw the change');
    reader.type(' PIRATÉ');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(owner.text()).toBe('Texte partagé et mis à jour');
    // A fresh editor gets the server's state: the reader's change is not in it.
    const fresh = await open(alice.token, note.file.id);
    expect(fresh.text()).toBe('Texte partagé et mis à jour');
  });

  it('shows a public link’s visitor the note live and refuses their changes, even through a link that takes drops', async () => {
    const folder = FileDoc.parse(await (await storage.call(alice.token, '/files/root/folders', json({ name: 'Publié' }))).json());
    const note = await createNote(alice, { parentId: folder.id, markdown: 'Compte rendu public' });
    const outside = await createNote(alice, { markdown: 'Hors du lien' });
    const visitorToken = await storage.sign('visitor', { sub: alice.id, link: 'link-1', grants: [{ type: FILES_TYPE, folderId: folder.id, verbs: ['read', 'write'] }], expiresIn: 3600 });
    const owner = await open(alice.token, note.file.id);
    const visitor = await open(visitorToken, note.file.id);
    expect(visitor.text()).toBe('Compte rendu public');
    owner.type(' — complété');
    await until(() => visitor.text() === 'Compte rendu public — complété', 5000, 'the visitor never saw the change');
    visitor.type(' VANDALISÉ');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(owner.text()).toBe('Compte rendu public — complété');
    await owner.saved();
    expect(await content(alice, note.file.id)).not.toContain('VANDALISÉ');
    expect((await rawSocket(visitorToken, outside.file.id)).status).toBe(404);
  });

  it('lets a member with « Peut modifier » edit a note inside a shared folder, and nothing outside it', async () => {
    const folder = FileDoc.parse(await (await storage.call(alice.token, '/files/root/folders', json({ name: 'Projet' }))).json());
    const inside = await createNote(alice, { parentId: folder.id, markdown: 'Dedans' });
    const outside = await createNote(alice, { markdown: 'Dehors' });
    const token = await sharingToken(alice, folder.id, ['read', 'write']);
    const editor = await open(token, inside.file.id);
    editor.type(' modifié par Bob');
    await editor.saved();
    await eventually(async () => (await content(alice, inside.file.id)).includes('modifié par Bob'), 8000);
    expect((await rawSocket(token, outside.file.id)).status).toBe(404);
  });

  it('answers 404 for another person’s note, 415 for a file that is not Markdown, 401 without a token', async () => {
    const note = await createNote(alice, { markdown: 'Privé' });
    expect((await rawSocket(bob.token, note.file.id)).status).toBe(404);
    const upload = await storage.call(alice.token, '/files/root/files?name=photo.png', { method: 'POST', body: new Uint8Array([0x89, 0x50, 0x4e, 0x47]) });
    const png = FileDoc.parse(await upload.json());
    expect((await rawSocket(alice.token, png.id)).status).toBe(415);
    const huge = await storage.call(alice.token, '/files/root/files?name=roman.md', { method: 'POST', body: 'a'.repeat(3 * 1024 * 1024) });
    expect((await rawSocket(alice.token, FileDoc.parse(await huge.json()).id)).status).toBe(415);
    expect((await rawSocket('not-a-token', note.file.id)).status).toBe(401);
    expect(await content(alice, note.file.id)).toBe('Privé');
  });

  it('closes a socket sending a malformed update with 4400 and leaves the note as it was', async () => {
    const note = await createNote(alice, { markdown: 'Intact' });
    const { ws } = await rawSocket(alice.token, note.file.id);
    if (!ws) throw new Error('no socket');
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    // A Hocuspocus sync message (type 0), Yjs update (2), whose bytes are not an update.
    const message = encoding.createEncoder();
    encoding.writeVarString(message, note.file.id);
    encoding.writeVarUint(message, 0);
    encoding.writeVarUint(message, 2);
    encoding.writeVarUint8Array(message, new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x01, 0x02, 0x03]));
    // Hocuspocus reads messages once the connection is set up for the document (its first message).
    const auth = encoding.createEncoder();
    encoding.writeVarString(auth, note.file.id);
    encoding.writeVarUint(auth, 2);
    encoding.writeVarUint(auth, 0);
    encoding.writeVarString(auth, '');
    ws.send(encoding.toUint8Array(auth));
    ws.send(encoding.toUint8Array(message));
    expect(await closed).toBe(NOTE_CLOSE.malformedUpdate);
    const reader = await open(alice.token, note.file.id);
    expect(reader.text()).toBe('Intact');
  });

  it('takes a Markdown file written elsewhere (a Drive version restored) as a change every editor receives', async () => {
    const note = await createNote(alice, { markdown: 'Version une' });
    const editor = await open(alice.token, note.file.id);
    editor.type(' puis deux');
    await editor.saved();
    await eventually(async () => (await content(alice, note.file.id)).includes('puis deux'), 8000);
    const versions = FileVersionList.parse(await (await storage.call(alice.token, `/files/${note.file.id}/versions`)).json());
    const first = versions.items.at(-1);
    if (!first) throw new Error('no version kept');
    const restored = await storage.call(alice.token, `/files/${note.file.id}/versions/${first.id}/restore`, { method: 'POST' });
    expect(restored.status).toBe(200);
    await until(() => editor.text() === 'Version une', 8000, 'the editor never received the restored version');
  });

  it('opens any Markdown file of the Drive as a note', async () => {
    const upload = await storage.call(alice.token, '/files/root/files?name=lisez-moi.md', { method: 'POST', body: '# Lisez-moi\n\n- [ ] à faire\n' });
    const readme = FileDoc.parse(await upload.json());
    const editor = await open(alice.token, readme.id);
    expect(editor.text()).toBe('Lisez-moià faire');
    expect((await file(alice, readme.id)).name).toBe('lisez-moi.md');
  });

  it('closes the sockets of a note sent to the trash with 4404', async () => {
    const note = await createNote(alice, { markdown: 'Bientôt jetée' });
    const editor = await open(alice.token, note.file.id);
    expect((await storage.call(alice.token, `/files/${note.file.id}`, { method: 'DELETE' })).status).toBe(200);
    await until(() => editor.closes.includes(NOTE_CLOSE.gone), 5000, 'the socket stayed open');
    expect((await rawSocket(alice.token, note.file.id)).status).toBe(409);
  });

  it('brings an editor whose change never reached the server back in step at the periodic check', async () => {
    const note = await createNote(alice, { markdown: 'Commun' });
    const lost = await open(alice.token, note.file.id);
    const other = await open(alice.token, note.file.id);
    // A change the provider believes came from the server, so never sends: a message lost on the way.
    const scratch = new Y.Doc();
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(lost.doc));
    const before = Y.encodeStateVector(scratch);
    const paragraph = scratch.getXmlFragment(NOTE_FRAGMENT).get(0) as Y.XmlElement;
    (paragraph.get(0) as Y.XmlText).insert(6, ' perdu');
    Y.applyUpdate(lost.doc, Y.encodeStateAsUpdate(scratch, before), lost.provider);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(other.text()).toBe('Commun');
    lost.provider.forceSync();
    await until(() => other.text() === 'Commun perdu', 5000, 'the lost change never arrived');
  });

  it('keeps a Markdown file written while nobody had the note open, across a restart', async () => {
    const note = await createNote(alice, { markdown: 'Ancien texte' });
    const before = await open(alice.token, note.file.id);
    before.destroy();
    await eventually(async () => (await storage.call(alice.token, `/files/${note.file.id}/content`, { method: 'PUT', body: 'Texte déposé par WebDAV\n' })).status === 200, 5000);
    const after = await open(alice.token, note.file.id);
    expect(after.text()).toBe('Texte déposé par WebDAV');
    after.destroy();
    await storage.restart();
    const again = await open(alice.token, note.file.id);
    expect(again.text()).toBe('Texte déposé par WebDAV');
    expect(await content(alice, note.file.id)).toBe('Texte déposé par WebDAV\n');
  });

  it('never unloads a note with a save pending: typed, acknowledged, the editor gone at once, the text is there (hocuspocus#995)', async () => {
    const note = await createNote(alice, { markdown: 'Début' });
    for (let round = 0; round < 5; round++) {
      const editor = await open(alice.token, note.file.id);
      editor.type(` ${round}`);
      await editor.saved();
      // Gone before the store debounce ran: the last connection's close must not drop the change.
      editor.destroy();
      const next = await open(alice.token, note.file.id);
      expect(next.text()).toBe(`Début${[...Array(round + 1).keys()].map((n) => ` ${n}`).join('')}`);
      next.destroy();
    }
    await eventually(async () => (await content(alice, note.file.id)) === 'Début 0 1 2 3 4\n', 8000);
  });
});
