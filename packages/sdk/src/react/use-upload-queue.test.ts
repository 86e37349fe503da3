import { QueryClient } from '@tanstack/react-query';
import type { QueryKey } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { queryKeys } from './query-keys.ts';
import { refreshAfterUpload } from './use-upload-queue.ts';

describe(refreshAfterUpload.name, () => {
  it('marks stale the folder the upload landed in (every sort) and the lists across folders, nothing else', async () => {
    const queryClient = new QueryClient();
    const keys: Record<string, QueryKey> = {
      folderA: queryKeys.folderListing('a', 'name', 'asc'),
      folderABySize: queryKeys.folderListing('a', 'size', 'desc'),
      folderB: queryKeys.folderListing('b', 'name', 'asc'),
      recent: queryKeys.recent(),
      search: queryKeys.search('cours'),
      trash: queryKeys.trash(),
      me: queryKeys.me(),
    };
    for (const key of Object.values(keys)) queryClient.setQueryData(key, {});
    await refreshAfterUpload(queryClient, { parentId: 'a' });
    const stale = Object.entries(keys)
      .filter(([, key]) => queryClient.getQueryState(key)?.isInvalidated)
      .map(([name]) => name)
      .sort();
    expect(stale).toEqual(['folderA', 'folderABySize', 'recent', 'search']);
  });
});
