import { QueryClient } from '@tanstack/react-query';
import type { QueryKey } from '@tanstack/react-query';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../client.ts';
import { json, startTestServer } from '../test-server.ts';
import { filesScopeOf } from './files-scope.tsx';
import { queryKeys } from './query-keys.ts';
import { refreshAfterTrash } from './use-files.ts';
import { refreshAfterUpload } from './use-upload-queue.ts';

const SHARING = 'AAAAAAAAAAAAAAAAAAAAAA';
const now = '2026-01-01T00:00:00.000Z';
const listing = {
  folder: { id: 'f1', type: 'directory', name: 'Cours', parentId: 'root', size: null, mime: null, sha256: null, createdAt: now, updatedAt: now },
  items: [],
  next: null,
};

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe(filesScopeOf.name, () => {
  const client = () => createClient({ baseUrl: server.baseUrl, getToken: () => 'tok' });

  it('calls one’s own space by default, and the sharing’s routes inside a sharing', async () => {
    const folder = { ...listing.folder, uploadedAt: null, trashedAt: null, favorite: false, createdBy: null, tags: [], metadata: {} };
    server.handle((req, res) => (req.method === 'POST' ? json(res, 201, folder) : json(res, 200, listing)));
    const c = client();
    await filesScopeOf(c, null).files.children('f1');
    await filesScopeOf(c, SHARING).files.children('f1');
    await filesScopeOf(c, SHARING).files.createFolder('f1', 'TP');
    expect(server.seen.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET /api/files/f1/children',
      `GET /api/sharings/${SHARING}/files/f1/children`,
      `POST /api/sharings/${SHARING}/files/f1/folders`,
    ]);
  });

  it('keys the same folder apart per scope, and keeps one’s own scope the same object', () => {
    const c = client();
    const own = filesScopeOf(c, null);
    const shared = filesScopeOf(c, SHARING);
    expect(own).toBe(filesScopeOf(c, null));
    expect(own.keys.folderListing('f1', 'name', 'asc')).toEqual(['mytoutatice', 'folder', 'f1', 'name', 'asc']);
    expect(shared.keys.folderListing('f1', 'name', 'asc')).toEqual(['mytoutatice', 'sharing', SHARING, 'folder', 'f1', 'name', 'asc']);
    expect(filesScopeOf(c, 'BBBBBBBBBBBBBBBBBBBBBB').keys.file('x')).not.toEqual(shared.keys.file('x'));
  });

  it('refreshes after a change only in the scope it was made in', async () => {
    const queryClient = new QueryClient();
    const shared = queryKeys.sharing(SHARING);
    const keys: Record<string, QueryKey> = {
      ownFolder: queryKeys.folderListing('f1', 'name', 'asc'),
      ownFile: queryKeys.file('x'),
      sharedFolder: shared.folderListing('f1', 'name', 'asc'),
      sharedFile: shared.file('x'),
      otherSharing: queryKeys.sharing('BBBBBBBBBBBBBBBBBBBBBB').folderListing('f1', 'name', 'asc'),
    };
    for (const key of Object.values(keys)) queryClient.setQueryData(key, {});
    const stale = () =>
      Object.entries(keys)
        .filter(([, key]) => queryClient.getQueryState(key)?.isInvalidated)
        .map(([name]) => name)
        .sort();

    await refreshAfterUpload(queryClient, { parentId: 'f1' }, shared);
    expect(stale()).toEqual(['sharedFolder']);
    await refreshAfterTrash(queryClient, { id: 'x', parentId: 'f1' }, shared);
    expect(stale()).toEqual(['sharedFile', 'sharedFolder']);
    await refreshAfterUpload(queryClient, { parentId: 'f1' });
    expect(stale()).toEqual(['ownFolder', 'sharedFile', 'sharedFolder']);
  });
});
