import { afterAll, describe, expect, it } from 'vitest';
import { FILES_TYPE } from '@mytoutatice/contract';
import { startStorage, type StorageHarness } from '../../../test/harness/storage-harness.ts';
import { gpsFreeJson, withoutGpsMetadata } from './gps-free-json.ts';

describe(withoutGpsMetadata.name, () => {
  it('takes what places a photo out of every file’s metadata in an answer, and nothing else', () => {
    const photo = {
      id: 'p1',
      name: 'baie.jpg',
      metadata: { exif: { Make: 'Fairphon', GPSLatitude: 48.1, gps: { lat: 48.1 }, location: 'Rennes' }, pages: 3 },
    };
    const answer = { folder: { id: 'f1', metadata: {} }, items: [photo, { id: 'p2', metadata: { latitude: 1, longitude: 2 } }], next: null };
    expect(withoutGpsMetadata(answer)).toEqual({
      folder: { id: 'f1', metadata: {} },
      items: [
        { id: 'p1', name: 'baie.jpg', metadata: { exif: { Make: 'Fairphon' }, pages: 3 } },
        { id: 'p2', metadata: {} },
      ],
      next: null,
    });
    // Names and other fields are never touched, even when they speak of places.
    expect(withoutGpsMetadata({ id: 'x', name: 'location-gps.txt' })).toEqual({ id: 'x', name: 'location-gps.txt' });
  });
});

describe(gpsFreeJson.name, () => {
  let s: StorageHarness;
  afterAll(() => s.close());

  it('cleans every answer of a visitor without keepGps, and only theirs', async () => {
    s = await startStorage();
    const inst = await s.createInstance();
    const folder = (await (await s.call(inst.token, '/files/root/folders', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Sortie' }) })).json()) as { id: string };
    const photo = (await (await s.call(inst.token, `/files/${folder.id}/files?name=baie.jpg`, { method: 'POST', body: 'x' })).json()) as { id: string };
    // What a job would have learnt from the photo.
    await s.metadata.instance(inst.id).run('UPDATE files SET metadata = ? WHERE id = ?', JSON.stringify({ exif: { Make: 'Fairphon', GPSLatitude: 48.1 } }), photo.id);
    const visitor = (keepGps: boolean) =>
      s.sign('visitor', { sub: inst.id, link: 'link-1', keepGps, grants: [{ type: FILES_TYPE, verbs: ['read'], folderId: folder.id }] });
    const exifSeen = async (token: string, path: string) => JSON.stringify(await (await s.call(token, path)).json());

    for (const path of [`/files/${photo.id}`, `/files/${folder.id}/children`]) {
      expect(await exifSeen(await visitor(false), path)).not.toContain('GPSLatitude');
      expect(await exifSeen(await visitor(false), path)).toContain('Fairphon');
      expect(await exifSeen(await visitor(true), path)).toContain('GPSLatitude');
      expect(await exifSeen(inst.token, path)).toContain('GPSLatitude');
    }
  });
});
