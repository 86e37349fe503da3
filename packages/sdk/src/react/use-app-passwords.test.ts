import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { AppPassword } from '@mytoutatice/contract';
import { queryKeys } from './query-keys.ts';
import { refreshAfterRevoke } from './use-app-passwords.ts';

const password = (id: string): AppPassword => ({ id, label: id, createdAt: '2026-01-01T00:00:00.000Z', lastUsedAt: null });

describe(refreshAfterRevoke.name, () => {
  it('drops the revoked password from the list at once and marks only the list stale', () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData(queryKeys.appPasswords(), [password('a'), password('b')]);
    queryClient.setQueryData(queryKeys.me(), {});
    void refreshAfterRevoke(queryClient, 'a');
    expect(queryClient.getQueryData<AppPassword[]>(queryKeys.appPasswords())?.map((item) => item.id)).toEqual(['b']);
    expect(queryClient.getQueryState(queryKeys.appPasswords())?.isInvalidated).toBe(true);
    expect(queryClient.getQueryState(queryKeys.me())?.isInvalidated).toBe(false);
  });
});
