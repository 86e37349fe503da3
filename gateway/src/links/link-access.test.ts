import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FolderListing, LinkVisit, PublicLink, type CreateLinkBody } from '@mytoutatice/contract';
import { heicWithGps, jpegWithGps } from '@mytoutatice/storage/testing';
import { startGateway, type GatewayHarness } from '../../test/gateway-harness.ts';
import { jsonBody, sharingCalls } from '../../test/sharing-test-calls.ts';
import { resolveLinkCaller } from './link-access.ts';

/** The GPS latitude's rationals (48/1, 7/1, 230/100) as a JPEG carries them, in either byte order. */
const LATITUDE = [48, 1, 7, 1, 230, 100];
const latitudeBytes = (le: boolean) => Buffer.concat(LATITUDE.map((n) => Buffer.from(le ? [n, 0, 0, 0] : [0, 0, 0, n])));
const hasGps = (bytes: Buffer) => bytes.includes(latitudeBytes(true)) || bytes.includes(latitudeBytes(false)) || bytes.includes('GPSLatitude');

describe(resolveLinkCaller.name, () => {
  let gw: GatewayHarness;
  let calls: ReturnType<typeof sharingCalls>;
  /** The teacher's space is on the second storage node: every link call must be routed there. */
  let teacher: string;
  let pupil: string;
  let folder: { id: string };
  let lesson: { id: string };
  let photo: { id: string };
  let elsewhere: { id: string };

  beforeAll(async () => {
    gw = await startGateway({}, { nodes: 2 });
    calls = sharingCalls(gw);
    teacher = await gw.onboard('enseignant', gw.secondStorage);
    pupil = await gw.onboard('eleve');
    folder = await calls.folder(teacher, 'root', 'Sortie au Mont');
    lesson = await calls.upload(teacher, folder.id, 'programme.txt', 'Départ 8 h');
    const uploaded = await gw.call(teacher, `/api/files/${folder.id}/files?name=baie.jpg`, { method: 'POST', body: new Uint8Array(jpegWithGps()) });
    photo = (await uploaded.json()) as { id: string };
    elsewhere = await calls.upload(teacher, 'root', 'notes-privées.txt', 'secret');
  }, 60_000);
  afterAll(() => gw.close());

  const create = async (body: CreateLinkBody, token = teacher) => {
    const res = await gw.call(token, '/gateway/links', jsonBody('POST', body));
    if (res.status !== 201) throw new Error(`${res.status} ${await res.text()}`);
    return PublicLink.parse(await res.json());
  };
  const visit = async (code: string, unlock?: string) => LinkVisit.parse(await (await gw.call(unlock, `/gateway/public/links/${code}`)).json());
  const unlock = (code: string, password: string) => gw.call(undefined, `/gateway/public/links/${code}/unlock`, jsonBody('POST', { password }));
  const outcome = async (res: Response) => calls.outcome(res);
  const anonymous = (path: string, init?: RequestInit, token?: string) => gw.call(token, path, init);

  it('opens the item to anyone with the code: list, metadata, content, download link, zip; every write refused', async () => {
    const link = await create({ itemId: folder.id, access: 'read' });
    expect(link.code).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(link.path).toBe(`/public/${link.code}`);
    expect(await visit(link.code)).toEqual({
      needsPassword: false,
      ownerName: 'Annabel Bourde',
      item: { id: folder.id, kind: 'folder', name: 'Sortie au Mont' },
      access: 'read',
      expiresAt: null,
    });
    const api = `/api/links/${link.code}`;
    const listing = FolderListing.parse(await (await anonymous(`${api}/files/${folder.id}/children`)).json());
    expect(listing.items.map((item) => item.name).sort()).toEqual(['baie.jpg', 'programme.txt']);
    expect(((await (await anonymous(`${api}/files/${lesson.id}`)).json()) as { name: string }).name).toBe('programme.txt');
    expect(await (await anonymous(`${api}/files/${lesson.id}/content`)).text()).toBe('Départ 8 h');
    const download = (await (await anonymous(`${api}/files/${lesson.id}/download-link`, { method: 'POST' })).json()) as { url: string };
    expect(await (await fetch(new URL(download.url, gw.url))).text()).toBe('Départ 8 h');
    const zip = await anonymous(`${api}/files/${folder.id}/zip`);
    expect(zip.headers.get('content-type')).toBe('application/zip');
    expect(Buffer.from(await zip.arrayBuffer()).includes('programme.txt')).toBe(true);

    expect(await outcome(await anonymous(`${api}/files/${folder.id}/files?name=x.txt`, { method: 'POST', body: 'x' }))).toBe('403 forbidden');
    expect(await outcome(await anonymous(`${api}/files/${lesson.id}/content`, { method: 'PUT', body: 'non' }))).toBe('403 forbidden');
    expect(await outcome(await anonymous(`${api}/files/${lesson.id}`, { method: 'DELETE' }))).toBe('403 forbidden');
  });

  it('lets visitors add files to an editable link, marked as the link’s, and never the item itself away', async () => {
    const link = await create({ itemId: folder.id, access: 'write' });
    const api = `/api/links/${link.code}`;
    const added = await calls.upload('', folder.id, 'photo-groupe.txt', 'souvenir', api);
    expect(added.createdBy).toBe(`link:${link.id}`);
    expect(await calls.names(teacher, `/api/files/${folder.id}/children`)).toContain('photo-groupe.txt');
    expect(await outcome(await anonymous(`${api}/files/${folder.id}`, { method: 'DELETE' }))).toBe('403 forbidden');
    expect(await outcome(await anonymous(`${api}/files/${folder.id}`, jsonBody('PATCH', { name: 'À moi' })))).toBe('403 forbidden');
  });

  it('hands a resumable upload its address under the link, and every chunk passes the link’s check again', async () => {
    const link = await create({ itemId: folder.id, access: 'write', password: 'grande-video' });
    const { token } = (await (await unlock(link.code, 'grande-video')).json()) as { token: string };
    const metadata = `filename ${Buffer.from('film.txt').toString('base64')},parent ${Buffer.from(folder.id).toString('base64')}`;
    const tus = { 'tus-resumable': '1.0.0' };
    const created = await anonymous(`/api/links/${link.code}/uploads`, { method: 'POST', headers: { ...tus, 'upload-length': '10', 'upload-metadata': metadata } }, token);
    expect(created.status).toBe(201);
    const location = created.headers.get('location') ?? '';
    expect(location.startsWith(`/api/links/${link.code}/uploads/`)).toBe(true);
    const chunk = (offset: number, body: string, bearer?: string) =>
      anonymous(location, { method: 'PATCH', headers: { ...tus, 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream' }, body }, bearer);
    expect((await chunk(0, 'image', token)).status).toBe(204);
    expect(await outcome(await chunk(5, 'suite'))).toBe('401 password_required');
    expect((await chunk(5, 'suite', token)).status).toBe(204);
    expect(await calls.names(teacher, `/api/files/${folder.id}/children`)).toContain('film.txt');
  });

  it('never leaves the item: other folders, the root, the trash, the owner’s whole space', async () => {
    const link = await create({ itemId: lesson.id, access: 'write' });
    const api = `/api/links/${link.code}`;
    expect(await (await anonymous(`${api}/files/${lesson.id}/content`)).text()).toBe('Départ 8 h');
    expect(await outcome(await anonymous(`${api}/files/${photo.id}/content`))).toBe('404 not_found');
    expect(await outcome(await anonymous(`${api}/files/${folder.id}/children`))).toBe('404 not_found');
    expect(await outcome(await anonymous(`${api}/files/${elsewhere.id}`))).toBe('404 not_found');
    expect(await outcome(await anonymous(`${api}/files/${lesson.id}/../${elsewhere.id}/content`))).toBe('404 not_found');
    expect(await outcome(await anonymous(`${api}/files/root/children`))).toBe('403 forbidden');
    expect(await outcome(await anonymous(`${api}/files/search?q=secret`))).toBe('403 forbidden');
    expect(await outcome(await anonymous(`${api}/files/${lesson.id}/copy`, jsonBody('POST', { parentId: 'root' })))).toBe('403 forbidden');
    expect(await outcome(await anonymous(`${api}/changes`))).toBe('403 forbidden');
  });

  it('shows nothing of a protected link before its password, throttles wrong ones, and a new password ends every visit', async () => {
    const link = await create({ itemId: folder.id, access: 'read', password: 'mont-2026' });
    expect(link.hasPassword).toBe(true);
    expect(await visit(link.code)).toEqual({ needsPassword: true, ownerName: 'Annabel Bourde' });
    const api = `/api/links/${link.code}`;
    for (const path of [`/files/${folder.id}/children`, `/files/${lesson.id}`, `/files/${photo.id}/content`, `/files/${folder.id}/zip`]) {
      expect(await outcome(await anonymous(api + path))).toBe('401 password_required');
    }
    expect(await outcome(await anonymous(`${api}/files/${lesson.id}/download-link`, { method: 'POST' }))).toBe('401 password_required');
    // Another person's ENT token is no password.
    expect(await outcome(await anonymous(`${api}/files/${folder.id}/children`, {}, pupil))).toBe('401 password_required');

    expect(await outcome(await unlock(link.code, 'mont-2025'))).toBe('401 wrong_password');
    const { token } = (await (await unlock(link.code, 'mont-2026')).json()) as { token: string };
    expect((await visit(link.code, token)).needsPassword).toBe(false);
    expect((await anonymous(`${api}/files/${folder.id}/children`, {}, token)).status).toBe(200);
    // A token unlocks its own link only.
    const other = await create({ itemId: lesson.id, password: 'autre-mot' });
    expect(await outcome(await anonymous(`/api/links/${other.code}/files/${lesson.id}`, {}, token))).toBe('401 password_required');

    for (let attempt = 0; attempt < 6; attempt++) expect(await outcome(await unlock(other.code, `essai-${attempt}`))).toBe('401 wrong_password');
    const throttled = await unlock(other.code, 'autre-mot');
    expect(await outcome(throttled)).toBe('429 too_many_attempts');
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
    // Throttled per link: the first one still opens.
    expect((await unlock(link.code, 'mont-2026')).status).toBe(200);

    expect((await gw.call(teacher, `/gateway/links/${link.id}`, jsonBody('PATCH', { password: 'nouveau-mot' }))).status).toBe(200);
    expect(await outcome(await anonymous(`${api}/files/${folder.id}/children`, {}, token))).toBe('401 password_required');
    expect((await visit(link.code, token)).needsPassword).toBe(true);
  });

  it('ends at once: disabled or expired is a 404, and so is any code not given', async () => {
    const link = await create({ itemId: folder.id, access: 'read' });
    const api = `/api/links/${link.code}`;
    expect((await anonymous(`${api}/files/${folder.id}/children`)).status).toBe(200);
    const download = (await (await anonymous(`${api}/files/${lesson.id}/download-link`, { method: 'POST' })).json()) as { url: string };
    expect((await gw.call(teacher, `/gateway/links/${link.id}`, { method: 'DELETE' })).status).toBe(204);
    // Even the download link made a moment before: it dies with the link, not minutes later.
    expect(await outcome(await fetch(new URL(download.url, gw.url)))).toBe('404 not_found');
    expect(await outcome(await anonymous(`${api}/files/${folder.id}/children`))).toBe('404 not_found');
    expect(await outcome(await gw.call(undefined, `/gateway/public/links/${link.code}`))).toBe('404 not_found');

    const soon = await create({ itemId: folder.id, expiresAt: new Date(Date.now() + 1500).toISOString() });
    expect((await anonymous(`/api/links/${soon.code}/files/${folder.id}/children`)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1600));
    expect(await outcome(await anonymous(`/api/links/${soon.code}/files/${folder.id}/children`))).toBe('404 not_found');
    expect(await outcome(await gw.call(undefined, `/gateway/public/links/${soon.code}/unlock`, jsonBody('POST', { password: 'x' })))).toBe('404 not_found');
    const listed = (await (await gw.call(teacher, `/gateway/links?itemId=${folder.id}`)).json()) as { items: { id: string }[] };
    expect(listed.items.map((item) => item.id)).not.toContain(soon.id);

    const guessed = `${link.code.slice(0, -1)}${link.code.endsWith('A') ? 'B' : 'A'}`;
    for (const code of [guessed, `${link.code}A`, 'abc', 'x'.repeat(5000), encodeURIComponent('é'.repeat(43))]) {
      expect(await outcome(await anonymous(`/api/links/${code}/files/${folder.id}/children`))).toBe('404 not_found');
    }
  });

  it('keeps links their owner’s: others get 404 for them, and cannot link what is not theirs', async () => {
    const link = await create({ itemId: folder.id });
    expect(await outcome(await gw.call(pupil, `/gateway/links/${link.id}`, jsonBody('PATCH', { access: 'write' })))).toBe('404 not_found');
    expect(await outcome(await gw.call(pupil, `/gateway/links/${link.id}`, { method: 'DELETE' }))).toBe('404 not_found');
    expect(((await (await gw.call(pupil, `/gateway/links?itemId=${folder.id}`)).json()) as { items: unknown[] }).items).toEqual([]);
    expect(await outcome(await gw.call(pupil, '/gateway/links', jsonBody('POST', { itemId: folder.id })))).toBe('404 not_found');
    expect(await outcome(await gw.call(teacher, '/gateway/links', jsonBody('POST', { itemId: 'root' })))).toBe('400 bad_request');
    expect(await outcome(await gw.call(teacher, '/gateway/links', jsonBody('POST', { itemId: folder.id, expiresAt: '2020-01-01T00:00:00Z' })))).toBe('400 bad_request');
    expect(await outcome(await gw.call(teacher, '/gateway/links', jsonBody('POST', { itemId: folder.id, password: 'ab' })))).toBe('400 bad_request');
    const mine = (await (await gw.call(teacher, `/gateway/links?itemId=${folder.id}`)).json()) as { items: { id: string }[] };
    expect(mine.items.map((item) => item.id)).toContain(link.id);
    const changed = PublicLink.parse(await (await gw.call(teacher, `/gateway/links/${link.id}`, jsonBody('PATCH', { access: 'write', expiresAt: null }))).json());
    expect(changed).toMatchObject({ access: 'write', expiresAt: null, hasPassword: false });
  });

  it('takes the GPS position out of photos, in content, download links and zips, unless the owner keeps it', async () => {
    const original = jpegWithGps();
    const link = await create({ itemId: folder.id });
    const api = `/api/links/${link.code}`;
    const content = Buffer.from(await (await anonymous(`${api}/files/${photo.id}/content`)).arrayBuffer());
    expect(content.length).toBe(original.length);
    expect(hasGps(original)).toBe(true);
    expect(hasGps(content)).toBe(false);
    expect(content.subarray(-16)).toEqual(original.subarray(-16));
    const range = await anonymous(`${api}/files/${photo.id}/content`, { headers: { range: 'bytes=0-99' } });
    expect(range.status).toBe(206);
    expect(Buffer.from(await range.arrayBuffer())).toEqual(content.subarray(0, 100));
    const download = (await (await anonymous(`${api}/files/${photo.id}/download-link`, { method: 'POST' })).json()) as { url: string };
    expect(Buffer.from(await (await fetch(new URL(download.url, gw.url))).arrayBuffer())).toEqual(content);
    const zip = Buffer.from(await (await anonymous(`${api}/files/${folder.id}/zip`)).arrayBuffer());
    expect(zip.includes(content.subarray(0, 200))).toBe(true);
    expect(hasGps(zip)).toBe(false);

    // An iPhone's HEIC is cleaned the same way; photo kinds that cannot be cleaned here are refused,
    // whatever their name says; other files pass as they are.
    const heicBytes = heicWithGps();
    const heicRes = await gw.call(teacher, `/api/files/${folder.id}/files?name=IMG_0001.HEIC`, { method: 'POST', body: new Uint8Array(heicBytes) });
    const heic = (await heicRes.json()) as { id: string };
    const heicSeen = Buffer.from(await (await anonymous(`${api}/files/${heic.id}/content`)).arrayBuffer());
    expect([hasGps(heicBytes), heicSeen.length, hasGps(heicSeen)]).toEqual([true, heicBytes.length, false]);
    const broken = await calls.upload(teacher, folder.id, 'IMG_0002.jpg', `\u0000\u0000\u0000\u0018ftypheic${'x'.repeat(64)}`);
    const tiff = await calls.upload(teacher, folder.id, 'scan.tif', `II*\u0000${'x'.repeat(64)}`);
    for (const refused of [broken, tiff]) expect(await outcome(await anonymous(`${api}/files/${refused.id}/content`))).toBe('403 forbidden');
    expect(await (await anonymous(`${api}/files/${lesson.id}/content`)).text()).toBe('Départ 8 h');
    expect((await anonymous(`/api/links/${(await create({ itemId: tiff.id, keepGps: true })).code}/files/${tiff.id}/content`)).status).toBe(200);

    // An earlier version is a photo too.
    const replaced = await gw.call(teacher, `/api/files/${photo.id}/content`, { method: 'PUT', body: new Uint8Array(jpegWithGps({ littleEndian: false })) });
    expect(replaced.status).toBe(200);
    const versions = (await (await anonymous(`${api}/files/${photo.id}/versions`)).json()) as { items: { id: string }[] };
    const earlier = Buffer.from(await (await anonymous(`${api}/files/${photo.id}/versions/${versions.items[0]?.id}/content`)).arrayBuffer());
    expect(earlier.length).toBe(original.length);
    expect(hasGps(earlier)).toBe(false);
    expect(hasGps(Buffer.from(await (await anonymous(`${api}/files/${photo.id}/content`)).arrayBuffer()))).toBe(false);

    // The owner's own download is untouched; a link that keeps GPS passes it on.
    expect(Buffer.from(await (await gw.call(teacher, `/api/files/${photo.id}/content`)).arrayBuffer())).toEqual(jpegWithGps({ littleEndian: false }));
    const keeping = await create({ itemId: folder.id, keepGps: true });
    expect(hasGps(Buffer.from(await (await anonymous(`/api/links/${keeping.code}/files/${photo.id}/content`)).arrayBuffer()))).toBe(true);
  });
});
