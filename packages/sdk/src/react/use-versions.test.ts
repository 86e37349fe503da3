import { QueryClient } from '@tanstack/react-query';
import type { QueryKey } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { queryKeys } from './query-keys.ts';
import { refreshAfterContentChange } from './use-versions.ts';

describe(refreshAfterContentChange.name, () => {
  it('marks stale the file, its versions, its folder and the lists showing it, nothing else', () => {
    const queryClient = new QueryClient();
    const keys: Record<string, QueryKey> = {
      fileX: queryKeys.file('x'),
      versionsX: queryKeys.fileVersions('x'),
      versionsY: queryKeys.fileVersions('y'),
      folderA: queryKeys.folderListing('a', 'name', 'asc'),
      folderB: queryKeys.folderListing('b', 'name', 'asc'),
      recent: queryKeys.recent(),
      search: queryKeys.search('rapport'),
      trash: queryKeys.trash(),
      me: queryKeys.me(),
    };
    for (const key of Object.values(keys)) queryClient.setQueryData(key, {});
    void refreshAfterContentChange(queryClient, { id: 'x', parentId: 'a' });
    const stale = Object.entries(keys)
      .filter(([, key]) => queryClient.getQueryState(key)?.isInvalidated)
      .map(([name]) => name)
      .sort();
    expect(stale).toEqual(['fileX', 'folderA', 'recent', 'search', 'versionsX']);
  });
});
