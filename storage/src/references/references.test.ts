import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChangeBatch, ReferencedFiles, ReferencingDocuments, doctypes } from '@mytoutatice/contract';
import { startStorage, type StorageHarness, type TestInstance } from '../../test/harness/storage-harness.ts';
import { addReferences } from './references.ts';

const send = (method: string, body: unknown): RequestInit => ({ method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe(addReferences.name, () => {
  let s: StorageHarness;
  let a: TestInstance;
  let b: TestInstance;
  const albums = `/data/${doctypes.albums}`;

  const upload = async (inst: TestInstance, name: string) => {
    const res = await s.call(inst.token, `/files/root/files?name=${name}`, { method: 'POST', body: name });
    return ((await res.json()) as { id: string }).id;
  };
  const album = async (inst: TestInstance, name: string) => {
    const res = await s.call(inst.token, albums, send('POST', { data: { name } }));
    expect(res.status).toBe(201);
    return { id: ((await res.json()) as { id: string }).id, etag: res.headers.get('etag') ?? '' };
  };
  const refs = async (albumId: string, query = '') => {
    const res = await s.call(a.token, `${albums}/${albumId}/references${query}`);
    expect(res.status).toBe(200);
    return ReferencedFiles.parse(await res.json());
  };
  const referencedBy = async (fileId: string) =>
    ReferencingDocuments.parse(await (await s.call(a.token, `/files/${fileId}/referenced-by`)).json()).items;
  const lastSeqOf = async (id: string) => {
    const { changes } = ChangeBatch.parse(await (await s.call(a.token, '/changes?limit=1000')).json());
    return changes.find((change) => change.id === id)?.seq ?? 0;
  };

  beforeAll(async () => {
    s = await startStorage();
    [a, b] = await Promise.all([s.createInstance(), s.createInstance()]);
  });
  afterAll(() => s.close());

  it('adds references idempotently, lists them in pages from both sides, and moves the document in the feed', async () => {
    const photos = [await upload(a, 'p1.jpg'), await upload(a, 'p2.jpg'), await upload(a, 'p3.jpg')];
    const { id } = await album(a, 'Sortie');
    const before = await lastSeqOf(id);
    expect((await s.call(a.token, `${albums}/${id}/references`, send('POST', { fileIds: photos }))).status).toBe(204);
    expect((await s.call(a.token, `${albums}/${id}/references`, send('POST', { fileIds: [photos[0]] }))).status).toBe(204);
    expect(await lastSeqOf(id)).toBeGreaterThan(before);

    const first = await refs(id, '?limit=2');
    expect(first.items).toHaveLength(2);
    const second = await refs(id, `?limit=2&cursor=${first.next ?? ''}`);
    expect(second.next).toBeNull();
    expect([...first.items, ...second.items].map((file) => file.id).sort()).toEqual([...photos].sort());
    expect(await referencedBy(photos[0] ?? '')).toEqual([{ doctype: doctypes.albums, id }]);

    expect((await s.call(a.token, `${albums}/${id}/references`, send('DELETE', { fileIds: [photos[1]] }))).status).toBe(204);
    expect((await refs(id)).items.map((file) => file.id).sort()).toEqual([photos[0], photos[2]].sort());
    expect(await referencedBy(photos[1] ?? '')).toEqual([]);
  });

  it('writes nothing when one file id is unknown or another instance’s', async () => {
    const photo = await upload(a, 'seule.jpg');
    const bPhoto = await upload(b, 'de-b.jpg');
    const { id } = await album(a, 'Tout ou rien');
    for (const stranger of ['nulle-part', bPhoto]) {
      const res = await s.call(a.token, `${albums}/${id}/references`, send('POST', { fileIds: [photo, stranger] }));
      expect(res.status).toBe(404);
    }
    expect((await refs(id)).items).toEqual([]);
    expect((await s.call(a.token, `${albums}/nulle-part/references`, send('POST', { fileIds: [photo] }))).status).toBe(404);
    expect((await s.call(a.token, `${albums}/${id}/references`, send('POST', { fileIds: [] }))).status).toBe(400);
    expect((await s.call(a.token, `/files/${bPhoto}/referenced-by`)).status).toBe(404);
  });

  it('forgets references when the file is destroyed or the document deleted', async () => {
    const [kept, destroyed] = [await upload(a, 'garde.jpg'), await upload(a, 'detruit.jpg')];
    const { id, etag } = await album(a, 'Éphémère');
    await s.call(a.token, `${albums}/${id}/references`, send('POST', { fileIds: [kept, destroyed] }));
    const before = await lastSeqOf(id);
    await s.call(a.token, `/files/${destroyed}`, { method: 'DELETE' });
    // In the trash the reference holds: the file can come back.
    expect((await refs(id)).items.map((file) => file.id).sort()).toEqual([kept, destroyed].sort());
    expect((await s.call(a.token, `/files/${destroyed}?forever=true`, { method: 'DELETE' })).status).toBe(204);
    expect((await refs(id)).items.map((file) => file.id)).toEqual([kept]);
    expect(await lastSeqOf(id)).toBeGreaterThan(before);

    expect((await s.call(a.token, `${albums}/${id}`, { method: 'DELETE', headers: { 'if-match': etag } })).status).toBe(204);
    expect(await referencedBy(kept)).toEqual([]);
  });
});
