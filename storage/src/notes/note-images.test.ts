import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILES_TYPE, FileDoc, FolderListing, MAX_NOTE_IMAGE_BYTES, NoteImageUploaded, NoteItem, noteImageOf } from '@mytoutatice/contract';
import { blobKeys, filesUnder, startStorage, type StorageHarness, type TestInstance } from '../../test/harness/storage-harness.ts';
import { addNoteImage } from './note-images.ts';

/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

describe(addNoteImage.name, () => {
  let storage: StorageHarness;
  let alice: TestInstance;
  let bob: TestInstance;
  beforeAll(async () => {
    storage = await startStorage();
    alice = await storage.createInstance('alice-images');
    bob = await storage.createInstance('bob-images');
  });
  afterAll(async () => {
    await storage.close();
  });

  const createNote = async (who: TestInstance, body: Record<string, unknown> = {}) => {
    const response = await storage.call(who.token, '/notes', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(response.status).toBe(201);
    return NoteItem.parse(await response.json());
  };
  const upload = (token: string, noteId: string, body: BodyInit, headers: Record<string, string> = { 'content-type': 'image/png' }, query = '') =>
    storage.call(token, `/notes/${noteId}/images${query}`, { method: 'POST', headers, body, duplex: 'half' } as RequestInit);
  const uploaded = async (token: string, noteId: string) => {
    const response = await upload(token, noteId, PNG);
    expect(response.status).toBe(201);
    return NoteImageUploaded.parse(await response.json()).src;
  };
  /** The storage's own path for a src the document holds (`/api` is the gateway's). */
  const storagePath = (src: string) => src.replace(/^\/api/, '');
  const imageIdOf = (src: string) => noteImageOf(src)?.imageId ?? '';
  const sharingToken = (owner: TestInstance, folderId: string, verbs: ('read' | 'write')[]) =>
    storage.sign('sharing', { sub: owner.id, sharing: 'sh-images', member: 'bob-images', grants: [{ type: FILES_TYPE, folderId, verbs }], expiresIn: 3600 });
  const imagesFolder = async (who: TestInstance) => {
    const notes = FolderListing.parse(await (await storage.call(who.token, '/files/root/children')).json()).items.find((item) => item.name === 'Notes');
    const images = FolderListing.parse(await (await storage.call(who.token, `/files/${notes?.id ?? ''}/children`)).json()).items.find(
      (item) => item.name === 'Images',
    );
    return images ? FolderListing.parse(await (await storage.call(who.token, `/files/${images.id}/children`)).json()).items : [];
  };
  const status = async (response: Promise<Response>) => {
    const answer = await response;
    const body = (await answer.json().catch(() => ({}))) as { code?: string };
    return { status: answer.status, code: body.code };
  };

  it('stores the owner’s image as a file of « Notes/Images » and serves it back to the note’s readers', async () => {
    const note = await createNote(alice);
    const src = await uploaded(alice.token, note.file.id);
    expect(src).toMatch(new RegExp(`^/api/notes/${note.file.id}/images/[^/]+$`));
    const image = await storage.call(alice.token, storagePath(src));
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(image.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    expect(image.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await image.arrayBuffer())).toEqual(PNG);
    // A real Drive file: listed, typed by its bytes, with its content there.
    const file = FileDoc.parse(await (await storage.call(alice.token, `/files/${imageIdOf(src)}`)).json());
    expect(file).toMatchObject({ mime: 'image/png', size: PNG.byteLength, name: 'image.png' });
    expect((await imagesFolder(alice)).map((item) => item.id)).toContain(file.id);
  });

  it('names the image after the file name given, percent-encoded in x-file-name or in ?name=, « (2) » when taken', async () => {
    const note = await createNote(alice);
    const name = 'Schéma de l’été 🌞.png';
    const byHeader = await upload(alice.token, note.file.id, PNG, { 'content-type': 'image/png', 'x-file-name': encodeURIComponent(name) });
    const byQuery = await upload(alice.token, note.file.id, PNG, { 'content-type': 'image/png' }, `?name=${encodeURIComponent(name)}`);
    const names = [];
    for (const response of [byHeader, byQuery]) {
      const { src } = NoteImageUploaded.parse(await response.json());
      names.push(FileDoc.parse(await (await storage.call(alice.token, `/files/${imageIdOf(src)}`)).json()).name);
    }
    expect(names).toEqual([name, 'Schéma de l’été 🌞 (2).png']);
  });

  it('lets a reader through a sharing see the images but not add one (403), and a writer add one', async () => {
    const note = await createNote(alice);
    const src = await uploaded(alice.token, note.file.id);
    const reader = await sharingToken(alice, note.file.id, ['read']);
    // The image lies in « Notes/Images », outside the shared note: the note's access opens it.
    const seen = await storage.call(reader, storagePath(src));
    expect(seen.status).toBe(200);
    expect(Buffer.from(await seen.arrayBuffer())).toEqual(PNG);
    expect(await status(upload(reader, note.file.id, PNG))).toEqual({ status: 403, code: 'forbidden' });
    const writer = await sharingToken(alice, note.file.id, ['read', 'write']);
    const added = await uploaded(writer, note.file.id);
    expect((await storage.call(reader, storagePath(added))).status).toBe(200);
    // The image is still not reachable as a file through the sharing.
    expect((await storage.call(reader, `/files/${imageIdOf(added)}/content`)).status).toBe(404);
  });

  it('answers 404 for another space’s note, another note’s image and any other Drive file, the same as a missing one', async () => {
    const note = await createNote(alice);
    const other = await createNote(alice);
    const src = await uploaded(alice.token, other.file.id);
    const missing = await status(storage.call(alice.token, `/notes/${note.file.id}/images/nothing-here`));
    expect(missing).toEqual({ status: 404, code: 'not_found' });
    expect(await status(storage.call(alice.token, `/notes/${note.file.id}/images/${imageIdOf(src)}`))).toEqual(missing);
    const plain = FileDoc.parse(await (await storage.call(alice.token, '/files/root/files?name=photo.png', { method: 'POST', body: PNG })).json());
    expect(await status(storage.call(alice.token, `/notes/${note.file.id}/images/${plain.id}`))).toEqual(missing);
    // Bob names Alice's note and image: his own space has neither.
    expect(await status(storage.call(bob.token, storagePath(src)))).toEqual(missing);
    expect(await status(upload(bob.token, other.file.id, PNG))).toEqual(missing);
    // A reader of one note does not reach another note's images.
    const reader = await sharingToken(alice, note.file.id, ['read']);
    expect(await status(storage.call(reader, storagePath(src)))).toEqual(missing);
  });

  it('refuses an image over the limit with 413 image_too_large, announced or streamed, leaving nothing behind', async () => {
    const note = await createNote(alice);
    await uploaded(alice.token, note.file.id);
    const before = { blobs: await blobKeys(storage, alice.id), listed: await imagesFolder(alice) };
    const big = Buffer.concat([PNG, Buffer.alloc(MAX_NOTE_IMAGE_BYTES + 1 - PNG.byteLength)]);
    expect(await status(upload(alice.token, note.file.id, big))).toEqual({ status: 413, code: 'image_too_large' });
    // Without a length announced, the storage stops reading at the limit.
    const streamed = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(big);
        controller.close();
      },
    });
    expect(await status(upload(alice.token, note.file.id, streamed))).toEqual({ status: 413, code: 'image_too_large' });
    expect(await blobKeys(storage, alice.id)).toEqual(before.blobs);
    expect(await imagesFolder(alice)).toEqual(before.listed);
    expect(await filesUnder(join(storage.config.dataDir, 'instances', alice.id, 'tmp'))).toEqual([]);
    // The note itself is untouched and still takes images.
    await uploaded(alice.token, note.file.id);
  });

  it('refuses what is not an image (415) and an empty body (400), storing nothing', async () => {
    const note = await createNote(alice);
    await uploaded(alice.token, note.file.id);
    const before = { blobs: await blobKeys(storage, alice.id), listed: await imagesFolder(alice) };
    const text = Buffer.from('Ceci est un texte renommé en .png\n');
    const named = { 'content-type': 'image/png', 'x-file-name': 'faux.png' };
    expect(await status(upload(alice.token, note.file.id, text, named))).toEqual({ status: 415, code: 'unsupported_media_type' });
    expect(await status(upload(alice.token, note.file.id, PNG, { 'content-type': 'image/svg+xml' }))).toEqual({ status: 415, code: 'unsupported_media_type' });
    expect(await status(upload(alice.token, note.file.id, Buffer.alloc(0)))).toEqual({ status: 400, code: 'bad_request' });
    const empty = new ReadableStream<Uint8Array>({ start: (controller) => controller.close() });
    expect(await status(upload(alice.token, note.file.id, empty))).toEqual({ status: 400, code: 'bad_request' });
    expect(await blobKeys(storage, alice.id)).toEqual(before.blobs);
    expect(await imagesFolder(alice)).toEqual(before.listed);
  });

  it('no longer serves an image whose file went to the trash', async () => {
    const note = await createNote(alice);
    const src = await uploaded(alice.token, note.file.id);
    expect((await storage.call(alice.token, `/files/${imageIdOf(src)}`, { method: 'DELETE' })).status).toBe(200);
    expect((await storage.call(alice.token, storagePath(src))).status).toBe(404);
  });
});
