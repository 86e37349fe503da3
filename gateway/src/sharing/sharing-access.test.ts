import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FolderListing, NoteImageUploaded, NoteItem, doctypes } from '@mytoutatice/contract';
import type { GatewayHarness } from '../../test/gateway-harness.ts';
import { resolveSharingCaller } from './sharing-access.ts';
import type { sharingCalls } from '../../test/sharing-test-calls.ts';
import { jsonBody, twoNodeClass } from '../../test/sharing-test-calls.ts';

describe(resolveSharingCaller.name, () => {
  let gw: GatewayHarness;
  let calls: ReturnType<typeof sharingCalls>;
  /** The teacher's and the agent's spaces are on the first storage node, the pupils' on the second. */
  let teacher: string;
  let pupil: string;
  let agent: string;
  let secondPupil: string;

  beforeAll(async () => {
    ({ gw, calls, teacher, pupil, agent, secondPupil } = await twoNodeClass());
  }, 60_000);
  afterAll(() => gw.close());

  const status = async (token: string, path: string, init?: RequestInit) => calls.outcome(await gw.call(token, path, init));

  it('opens a folder on one node to a member on another: read, write, then less, then nothing, at once', async () => {
    const folder = await calls.folder(teacher, 'root', 'Mathématiques 5e');
    await calls.upload(teacher, folder.id, 'chapitre-1.txt', 'Les fractions');
    const { id } = await calls.share(teacher, folder.id, [
      { slug: 'eleve', role: 'write' },
      { slug: 'agent', role: 'read' },
    ]);
    const api = `/api/sharings/${id}`;

    expect(await calls.names(pupil, `${api}/files/${folder.id}/children`)).toEqual(['chapitre-1.txt']);
    const listing = FolderListing.parse(await (await gw.call(pupil, `${api}/files/${folder.id}/children`)).json());
    const chapter = listing.items[0]?.id ?? '';
    expect(await (await gw.call(pupil, `${api}/files/${chapter}/content`)).text()).toBe('Les fractions');

    // The pupil's writes land in the teacher's space, on the other node, marked as theirs.
    const added = await calls.upload(pupil, folder.id, 'exercice.txt', 'réponse', api);
    expect(added.createdBy).toBe(`sharing:${id}:eleve`);
    const seenByOwner = FolderListing.parse(await (await gw.call(teacher, `/api/files/${folder.id}/children`)).json());
    expect(seenByOwner.items.map((item) => `${item.name}:${item.createdBy ?? 'owner'}`)).toEqual(['chapitre-1.txt:owner', `exercice.txt:sharing:${id}:eleve`]);
    expect((await gw.call(pupil, `${api}/files/${chapter}/content`, { method: 'PUT', body: 'Les fractions (corrigé)' })).status).toBe(200);
    expect(await (await gw.call(teacher, `/api/files/${chapter}/content`)).text()).toBe('Les fractions (corrigé)');
    // Nothing was written in the pupil's own space.
    expect(await calls.names(pupil, '/api/files/root/children')).toEqual([]);

    // « Peut consulter »: reads and downloads, every write refused.
    expect(await (await gw.call(agent, `${api}/files/${chapter}/content`)).text()).toBe('Les fractions (corrigé)');
    expect(await status(agent, `${api}/files/${folder.id}/files?name=x.txt`, { method: 'POST', body: 'x' })).toBe('403 forbidden');
    expect(await status(agent, `${api}/files/${chapter}`, { method: 'DELETE' })).toBe('403 forbidden');
    expect(await status(agent, `${api}/files/${chapter}/content`, { method: 'PUT', body: 'non' })).toBe('403 forbidden');

    expect((await gw.call(teacher, `/gateway/sharings/${id}/members/eleve`, jsonBody('PATCH', { role: 'read' }))).status).toBe(200);
    expect(await status(pupil, `${api}/files/${folder.id}/files?name=y.txt`, { method: 'POST', body: 'y' })).toBe('403 forbidden');
    expect(await calls.names(pupil, `${api}/files/${folder.id}/children`)).toEqual(['chapitre-1.txt', 'exercice.txt']);

    expect((await gw.call(teacher, `/gateway/sharings/${id}/members/eleve`, { method: 'DELETE' })).status).toBe(204);
    expect(await status(pupil, `${api}/files/${folder.id}/children`)).toBe('404 not_found');
    expect(await status(pupil, `${api}/files/${chapter}/content`)).toBe('404 not_found');
    expect((await gw.call(agent, `${api}/files/${folder.id}/children`)).status).toBe(200);

    expect((await gw.call(teacher, `/gateway/sharings/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect(await status(agent, `${api}/files/${folder.id}/children`)).toBe('404 not_found');
  });

  it('passes a note’s images through a sharing to the owner’s node: a writer adds one, a reader sees it and cannot add', async () => {
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    const note = NoteItem.parse(await (await gw.call(teacher, '/api/notes', jsonBody('POST', { markdown: '# Sortie' }))).json());
    const { id } = await calls.share(teacher, note.file.id, [
      { slug: 'eleve', role: 'write' },
      { slug: 'agent', role: 'read' },
    ]);
    const api = `/api/sharings/${id}`;
    const image = { method: 'POST', headers: { 'content-type': 'image/png' }, body: png };
    const added = await gw.call(pupil, `${api}/notes/${note.file.id}/images`, image);
    expect(added.status).toBe(201);
    const { src } = NoteImageUploaded.parse(await added.json());
    // The document holds the owner's path; through the sharing the app puts the sharing first.
    expect(src).toMatch(new RegExp(`^/api/notes/${note.file.id}/images/`));
    const shared = src.replace(/^\/api/, api);
    for (const reader of [agent, pupil]) {
      const seen = await gw.call(reader, shared);
      expect(seen.status).toBe(200);
      expect(seen.headers.get('content-type')).toBe('image/png');
      expect(Buffer.from(await seen.arrayBuffer())).toEqual(png);
    }
    expect(await status(agent, `${api}/notes/${note.file.id}/images`, image)).toBe('403 forbidden');
    // The storage's refusal of a body too large reaches the caller as it is, not as a 502.
    const big = { ...image, body: Buffer.concat([png, Buffer.alloc(10 * 1024 * 1024)]) };
    expect(await status(pupil, `${api}/notes/${note.file.id}/images`, big)).toBe('413 image_too_large');
    expect((await gw.call(teacher, src)).status).toBe(200);
    // The member's own space has neither the image nor the note.
    expect((await gw.call(pupil, src)).status).toBe(404);
  });

  it('shares from the second node to the first just as well', async () => {
    const folder = await calls.folder(pupil, 'root', 'Exposé');
    await calls.upload(pupil, folder.id, 'plan.txt', 'I. II. III.');
    const { id } = await calls.share(pupil, folder.id, [{ slug: 'enseignant', role: 'write' }]);
    const remarks = await calls.upload(teacher, folder.id, 'remarques.txt', 'Bien', `/api/sharings/${id}`);
    expect(await calls.names(pupil, `/api/files/${folder.id}/children`)).toEqual(['plan.txt', 'remarques.txt']);
    // A download link made through the sharing reaches the file on the node that holds it, with no token.
    const link = (await (await gw.call(teacher, `/api/sharings/${id}/files/${remarks.id}/download-link`, { method: 'POST' })).json()) as { url: string };
    const download = await fetch(new URL(link.url, gw.url));
    expect(download.status).toBe(200);
    expect(await download.text()).toBe('Bien');
    // It dies with the access it was made by, not minutes later; a tampered claim is refused too.
    expect((await gw.call(pupil, `/gateway/sharings/${id}/members/enseignant`, { method: 'DELETE' })).status).toBe(204);
    const refused = await fetch(new URL(link.url, gw.url));
    expect([refused.status, ((await refused.json()) as { code: string }).code]).toEqual([404, 'not_found']);
    const [header, payload, signature] = (/downloads\/([^/]+)/.exec(link.url)?.[1] ?? '').split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as Record<string, unknown>;
    const stripped = Buffer.from(JSON.stringify({ ...claims, via: undefined })).toString('base64url');
    expect((await fetch(new URL(link.url.replace(/downloads\/[^/]+/, `downloads/${header}.${stripped}.${signature}`), gw.url))).status).toBe(401);
  });

  it('keeps a member inside the shared item: the rest of the owner’s space is unknown or refused', async () => {
    const folder = await calls.folder(teacher, 'root', 'Partagé');
    const inside = await calls.folder(teacher, folder.id, 'Sous-dossier');
    const file = await calls.upload(teacher, inside.id, 'dedans.txt');
    const elsewhere = await calls.upload(teacher, 'root', 'ailleurs.txt');
    const { id } = await calls.share(teacher, folder.id, [{ slug: 'eleve', role: 'write' }]);
    const api = `/api/sharings/${id}`;
    expect(await status(pupil, `${api}/files/${elsewhere.id}`)).toBe('404 not_found');
    expect(await status(pupil, `${api}/files/${elsewhere.id}/content`)).toBe('404 not_found');
    expect(await status(pupil, `${api}/files/root/children`)).toBe('403 forbidden');
    expect(await status(pupil, `${api}/files/trash/children`)).toBe('403 forbidden');
    expect(await status(pupil, `${api}/files/search?q=ailleurs`)).toBe('403 forbidden');
    expect(await status(pupil, `${api}/changes`)).toBe('403 forbidden');
    expect(await status(pupil, `${api}/instance`)).toBe('403 forbidden');
    expect(await status(pupil, `${api}/data/${doctypes.notes}`)).toBe('403 forbidden');
    // Taking things out, or the shared folder itself away, is the owner's call.
    expect(await status(pupil, `${api}/files/${file.id}`, jsonBody('PATCH', { parentId: 'root' }))).toBe('403 forbidden');
    expect(await status(pupil, `${api}/files/${file.id}/copy`, jsonBody('POST', { parentId: 'root' }))).toBe('403 forbidden');
    expect(await status(pupil, `${api}/files/${folder.id}`, { method: 'DELETE' })).toBe('403 forbidden');
    expect(await status(pupil, `${api}/files/${folder.id}`, jsonBody('PATCH', { name: 'À moi' }))).toBe('403 forbidden');
    // Within it, a co-editor does what the owner would.
    expect((await gw.call(pupil, `${api}/files/${file.id}`, jsonBody('PATCH', { parentId: folder.id }))).status).toBe(200);
    expect((await gw.call(pupil, `${api}/files/${inside.id}`, { method: 'DELETE' })).status).toBe(200);
    // App tokens do not open sharings, even the person's own apps.
    const app = (await (await gw.call(pupil, '/gateway/apps/notes/token', { method: 'POST' })).json()) as { token: string };
    expect(await status(app.token, `${api}/files/${folder.id}`)).toBe('403 forbidden');
    expect(await status('', `${api}/files/${folder.id}`)).toBe('401 unauthenticated');
  });

  it('closes a shared folder its owner put in the trash, and opens it again once restored', async () => {
    const folder = await calls.folder(teacher, 'root', 'Classeur');
    const sheet = await calls.upload(teacher, folder.id, 'fiche.txt');
    const { id } = await calls.share(teacher, folder.id, [{ slug: 'eleve', role: 'write' }]);
    const api = `/api/sharings/${id}`;
    expect((await gw.call(teacher, `/api/files/${folder.id}`, { method: 'DELETE' })).status).toBe(200);
    expect(await status(pupil, `${api}/files/${folder.id}/children`)).toBe('404 not_found');
    expect(await status(pupil, `${api}/files/${sheet.id}/content`)).toBe('404 not_found');
    expect(await status(pupil, `${api}/files/${folder.id}/restore`, { method: 'POST' })).toBe('404 not_found');
    expect((await gw.call(teacher, `/api/files/${folder.id}/restore`, { method: 'POST' })).status).toBe(200);
    expect(await calls.names(pupil, `${api}/files/${folder.id}/children`)).toEqual(['fiche.txt']);
  });

  it('limits a shared file to that file', async () => {
    const folder = await calls.folder(teacher, 'root', 'Copies');
    const file = await calls.upload(teacher, folder.id, 'sujet.txt', 'Sujet');
    const sibling = await calls.upload(teacher, folder.id, 'corrigé.txt', 'Corrigé');
    const reading = await calls.share(teacher, file.id, [{ slug: 'agent', role: 'read' }]);
    const writing = await calls.share(teacher, file.id, [{ slug: 'eleve', role: 'write' }]);
    const read = `/api/sharings/${reading.id}`;
    const write = `/api/sharings/${writing.id}`;
    expect(reading.item).toEqual({ id: file.id, kind: 'file', name: 'sujet.txt' });
    expect(await (await gw.call(agent, `${read}/files/${file.id}/content`)).text()).toBe('Sujet');
    expect(await status(agent, `${read}/files/${folder.id}/children`)).toBe('404 not_found');
    expect(await status(agent, `${read}/files/${sibling.id}/content`)).toBe('404 not_found');
    expect(await status(agent, `${read}/files/${file.id}/content`, { method: 'PUT', body: 'non' })).toBe('403 forbidden');

    expect((await gw.call(pupil, `${write}/files/${file.id}/content`, { method: 'PUT', body: 'Sujet annoté' })).status).toBe(200);
    expect(await (await gw.call(teacher, `/api/files/${file.id}/content`)).text()).toBe('Sujet annoté');
    expect(await status(pupil, `${write}/files/${sibling.id}/content`, { method: 'PUT', body: 'non' })).toBe('404 not_found');
    expect(await status(pupil, `${write}/files/${file.id}`, { method: 'DELETE' })).toBe('403 forbidden');
    expect(await status(pupil, `${write}/files/${file.id}/copy`, jsonBody('POST', {}))).toBe('403 forbidden');
  });

  it('gives a « dépôt » member their own files and nothing of the others’', async () => {
    const folder = await calls.folder(teacher, 'root', 'Devoirs à rendre');
    await calls.upload(teacher, folder.id, 'consignes.txt', 'À rendre lundi');
    const { id } = await calls.share(teacher, folder.id, [
      { slug: 'eleve', role: 'drop' },
      { slug: 'admin', role: 'drop' },
    ]);
    const api = `/api/sharings/${id}`;
    const mine = await calls.upload(pupil, folder.id, 'devoir-eleve.txt', 'copie 1', api);
    const theirs = await calls.upload(secondPupil, folder.id, 'devoir-admin.txt', 'copie 2', api);
    const sub = await calls.folder(pupil, folder.id, 'Annexes', api);
    await calls.upload(pupil, sub.id, 'annexe.txt', 'annexe', api);

    expect(await calls.names(pupil, `${api}/files/${folder.id}/children`)).toEqual(['Annexes', 'devoir-eleve.txt']);
    expect(await calls.names(secondPupil, `${api}/files/${folder.id}/children`)).toEqual(['devoir-admin.txt']);
    expect(await calls.names(teacher, `/api/files/${folder.id}/children`)).toEqual(['Annexes', 'consignes.txt', 'devoir-admin.txt', 'devoir-eleve.txt']);
    expect(await (await gw.call(pupil, `${api}/files/${mine.id}/content`)).text()).toBe('copie 1');
    // Another's copy is unknown, to read, overwrite, move into one's folder, delete or zip.
    expect(await status(pupil, `${api}/files/${theirs.id}/content`)).toBe('404 not_found');
    expect(await status(pupil, `${api}/files/${theirs.id}`)).toBe('404 not_found');
    expect(await status(pupil, `${api}/files/${theirs.id}/content`, { method: 'PUT', body: 'effacé' })).toBe('404 not_found');
    expect(await status(pupil, `${api}/files/${theirs.id}`, jsonBody('PATCH', { parentId: sub.id }))).toBe('404 not_found');
    expect(await status(pupil, `${api}/files/${theirs.id}`, { method: 'DELETE' })).toBe('404 not_found');
    expect(await status(pupil, `${api}/files/zip`, jsonBody('POST', { ids: [theirs.id] }))).toBe('404 not_found');
    expect(await status(secondPupil, `${api}/files/${sub.id}/children`)).toBe('404 not_found');
    expect(await status(secondPupil, `${api}/files/${sub.id}/files?name=intrus.txt`, { method: 'POST', body: 'x' })).toBe('404 not_found');
    // The folder as a whole (zip, rename) is out of reach.
    expect(await status(pupil, `${api}/files/${folder.id}/zip`)).toBe('403 forbidden');
    expect(await status(pupil, `${api}/files/zip`, jsonBody('POST', { ids: [folder.id] }))).toBe('403 forbidden');
    // Their own copy stays theirs to replace or take back.
    expect((await gw.call(pupil, `${api}/files/${mine.id}/content`, { method: 'PUT', body: 'copie 1 bis' })).status).toBe(200);
    expect((await gw.call(pupil, `${api}/files/${mine.id}`, { method: 'DELETE' })).status).toBe(200);
    expect(await calls.names(pupil, `${api}/files/${folder.id}/children`)).toEqual(['Annexes']);
  });

  it('refuses every write that starts after a role is lowered, whatever was in flight', async () => {
    const folder = await calls.folder(teacher, 'root', 'Atelier');
    const { id } = await calls.share(teacher, folder.id, [{ slug: 'eleve', role: 'write' }]);
    const write = (n: number) => gw.call(pupil, `/api/sharings/${id}/files/${folder.id}/files?name=f${n}.txt`, { method: 'POST', body: `${n}` });
    const during = Array.from({ length: 20 }, (_, n) => write(n));
    const lowered = await gw.call(teacher, `/gateway/sharings/${id}/members/eleve`, jsonBody('PATCH', { role: 'read' }));
    expect(lowered.status).toBe(200);
    const after = await Promise.all(Array.from({ length: 10 }, (_, n) => write(100 + n)));
    expect(after.map((res) => res.status)).toEqual(Array(10).fill(403));
    const inFlight = (await Promise.all(during)).map((res) => res.status);
    expect(inFlight.every((s) => s === 201 || s === 403)).toBe(true);
    // Exactly the writes answered 201 are in the folder: none half-done, none lost.
    const made = await calls.names(teacher, `/api/files/${folder.id}/children`);
    expect(made.length).toBe(inFlight.filter((s) => s === 201).length);
  });

  it('hands a resumable upload made through a sharing its address under the sharing', async () => {
    const folder = await calls.folder(teacher, 'root', 'Vidéos');
    const { id } = await calls.share(teacher, folder.id, [{ slug: 'eleve', role: 'write' }]);
    const metadata = `filename ${Buffer.from('film.txt').toString('base64')},parent ${Buffer.from(folder.id).toString('base64')}`;
    const tus = { 'tus-resumable': '1.0.0' };
    const created = await gw.call(pupil, `/api/sharings/${id}/uploads`, {
      method: 'POST',
      headers: { ...tus, 'upload-length': '5', 'upload-metadata': metadata },
    });
    expect(created.status).toBe(201);
    const location = created.headers.get('location') ?? '';
    expect(location.startsWith(`/api/sharings/${id}/uploads/`)).toBe(true);
    const patched = await gw.call(pupil, location, {
      method: 'PATCH',
      headers: { ...tus, 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' },
      body: 'image',
    });
    expect(patched.status).toBe(204);
    expect(await calls.names(teacher, `/api/files/${folder.id}/children`)).toEqual(['film.txt']);
  });
});
