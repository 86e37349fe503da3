import { QueryClient } from '@tanstack/react-query';
import type { QueryKey } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { FileDoc } from '@mytoutatice/contract';
import { queryKeys } from './query-keys.ts';
import { refreshAfterDestroy, refreshAfterRestore, refreshAfterTrash, refreshAfterUpdate } from './use-files.ts';

const doc = (fields: Partial<FileDoc>): FileDoc => ({
  id: 'x',
  type: 'file',
  name: 'x.txt',
  parentId: 'a',
  size: 1,
  mime: 'text/plain',
  sha256: null,
  createdAt: '',
  updatedAt: '',
  uploadedAt: null,
  trashedAt: null,
  favorite: false,
  createdBy: null,
  tags: [],
  metadata: {},
  ...fields,
});

/** A cache holding every kind of data the Drive shows; tells which entries a refresh marked stale. */
function cache() {
  const queryClient = new QueryClient();
  const keys: Record<string, QueryKey> = {
    me: queryKeys.me(),
    folderA: queryKeys.folderListing('a', 'name', 'asc'),
    folderABySize: queryKeys.folderListing('a', 'size', 'desc'),
    folderB: queryKeys.folderListing('b', 'name', 'asc'),
    folderC: queryKeys.folderListing('c', 'name', 'asc'),
    folderX: queryKeys.folderListing('x', 'name', 'asc'),
    fileX: queryKeys.file('x'),
    fileY: queryKeys.file('y'),
    trash: queryKeys.trash(),
    search: queryKeys.search('rapport'),
    recent: queryKeys.recent(),
    favorites: queryKeys.favorites(),
    usage: queryKeys.usage(),
    notes: queryKeys.documents('io.mytoutatice.notes'),
  };
  for (const key of Object.values(keys)) queryClient.setQueryData(key, {});
  const stale = () =>
    Object.entries(keys)
      .filter(([, key]) => queryClient.getQueryState(key)?.isInvalidated)
      .map(([name]) => name)
      .sort();
  return { queryClient, stale };
}

describe(refreshAfterUpdate.name, () => {
  it('refreshes the folder left and the one reached (every sort), the item, and lists showing paths', async () => {
    const { queryClient, stale } = cache();
    await refreshAfterUpdate(queryClient, { id: 'x', parentId: 'a' }, doc({ parentId: 'b' }));
    expect(stale()).toEqual(['favorites', 'fileX', 'folderA', 'folderABySize', 'folderB', 'folderX', 'recent', 'search']);
  });
});

describe(refreshAfterTrash.name, () => {
  it('refreshes the folder left, the trash, every item (what was inside is trashed too) and lists', async () => {
    const { queryClient, stale } = cache();
    await refreshAfterTrash(queryClient, { id: 'x', parentId: 'a' });
    expect(stale()).toEqual(['favorites', 'fileX', 'fileY', 'folderA', 'folderABySize', 'folderX', 'recent', 'search', 'trash', 'usage']);
  });
});

describe(refreshAfterRestore.name, () => {
  it('refreshes every listing (folders may have been made again) but not unrelated data', async () => {
    const { queryClient, stale } = cache();
    await refreshAfterRestore(queryClient);
    expect(stale()).not.toContain('me');
    expect(stale()).not.toContain('notes');
    expect(stale()).toContain('trash');
    expect(stale()).toContain('folderC');
    expect(stale()).toContain('usage');
  });
});

describe(refreshAfterDestroy.name, () => {
  it('refreshes the trash, folder listings and items', async () => {
    const { queryClient, stale } = cache();
    await refreshAfterDestroy(queryClient);
    expect(stale()).toEqual(['fileX', 'fileY', 'folderA', 'folderABySize', 'folderB', 'folderC', 'folderX', 'trash', 'usage']);
  });
});
