import { QueryClient } from '@tanstack/react-query';
import type { QueryKey } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { ChangeBatch, RealtimeSubscription } from '@mytoutatice/contract';
import type { Realtime } from '../realtime.ts';
import { queryKeys } from './query-keys.ts';
import { connectRealtimeToQueryClient } from './use-realtime.ts';

function fakeRealtime() {
  const listeners = new Set<(batch: ChangeBatch) => void>();
  const accessListeners = new Set<(change: { ended: boolean }) => void>();
  const subscriptions: RealtimeSubscription[] = [];
  const realtime: Realtime = {
    subscribe: (subscription) => subscriptions.push(subscription),
    onChanges(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onAccessChange(listener) {
      accessListeners.add(listener);
      return () => accessListeners.delete(listener);
    },
    last: null,
    status: 'open',
    close() {},
  };
  return {
    realtime,
    subscriptions,
    emit: (batch: ChangeBatch) => listeners.forEach((listener) => listener(batch)),
    accessChange: (ended: boolean) => accessListeners.forEach((listener) => listener({ ended })),
  };
}

describe(connectRealtimeToQueryClient.name, () => {
  const notes = 'io.mytoutatice.notes';
  const contacts = 'io.mytoutatice.contacts';

  function setUp() {
    const queryClient = new QueryClient();
    const keys: QueryKey[] = [
      queryKeys.me(),
      queryKeys.folder('root'),
      queryKeys.folder('a'),
      queryKeys.file('x'),
      queryKeys.file('y'),
      queryKeys.documents(notes),
      queryKeys.documents(contacts),
    ];
    for (const key of keys) queryClient.setQueryData(key, {});
    const invalidated = () => keys.filter((key) => queryClient.getQueryState(key)?.isInvalidated).map((key) => key.slice(1).join(':'));
    return { queryClient, invalidated, ...fakeRealtime() };
  }

  it('follows every file change and each doctype a query lists, including later ones', () => {
    const { queryClient, realtime, subscriptions } = setUp();
    connectRealtimeToQueryClient(realtime, queryClient);
    expect(subscriptions).toEqual([{ files: true }, { doctype: notes }, { doctype: contacts }]);
    queryClient.setQueryData(queryKeys.documents('io.mytoutatice.photos.albums'), {});
    expect(subscriptions.at(-1)).toEqual({ doctype: 'io.mytoutatice.photos.albums' });
  });

  it('refreshes the changed file and every file listing on a file change', () => {
    const { queryClient, realtime, emit, invalidated } = setUp();
    connectRealtimeToQueryClient(realtime, queryClient);
    emit({ changes: [{ seq: 3, kind: 'file', id: 'x', parentId: 'a', deleted: false }], last: 3 });
    expect(invalidated()).toEqual(['folder:root', 'folder:a', 'file:x']);
  });

  it('refreshes the Drive’s other lists on a file change: recents, favourites, trash, searches, notes, usage', () => {
    const { queryClient, realtime, emit } = setUp();
    const lists = [queryKeys.recent(), queryKeys.favorites(), queryKeys.trash(), queryKeys.search('été'), queryKeys.noteList(''), queryKeys.noteList('ordre'), queryKeys.usage()];
    for (const key of lists) queryClient.setQueryData(key, {});
    connectRealtimeToQueryClient(realtime, queryClient);
    emit({ changes: [{ seq: 6, kind: 'file', id: 'x', parentId: 'a', deleted: false }], last: 6 });
    expect(lists.filter((key) => !queryClient.getQueryState(key)?.isInvalidated)).toEqual([]);
  });

  it('leaves what sharings open alone on a change of one’s own space (it is someone else’s space), and what is not a file listing', () => {
    const { queryClient, realtime, emit } = setUp();
    const shared = [
      queryKeys.sharing('AAAAAAAAAAAAAAAAAAAAAA').folder('a'),
      queryKeys.sharing('AAAAAAAAAAAAAAAAAAAAAA').file('x'),
      queryKeys.sharings(),
      queryKeys.people('jo'),
      queryKeys.links('x'),
      queryKeys.appPasswords(),
    ];
    for (const key of shared) queryClient.setQueryData(key, {});
    connectRealtimeToQueryClient(realtime, queryClient);
    emit({ changes: [{ seq: 7, kind: 'file', id: 'x', parentId: 'a', deleted: false }], last: 7 });
    expect(shared.filter((key) => queryClient.getQueryState(key)?.isInvalidated)).toEqual([]);
  });

  it('refreshes the doctype’s documents on a document change, and nothing once stopped', () => {
    const { queryClient, realtime, emit, invalidated } = setUp();
    const stop = connectRealtimeToQueryClient(realtime, queryClient);
    emit({ changes: [{ seq: 4, kind: 'document', id: 'n', doctype: notes, deleted: true }], last: 4 });
    expect(invalidated()).toEqual([`documents:${notes}`]);
    stop();
    emit({ changes: [{ seq: 5, kind: 'document', id: 'c', doctype: contacts, deleted: false }], last: 5 });
    expect(invalidated()).toEqual([`documents:${notes}`]);
  });

  describe('for a sharing’s scope', () => {
    const root = ['mytoutatice', 'sharing', 'S1'] as const;
    const keys = queryKeys.sharing('S1');

    function setUpScope() {
      const queryClient = new QueryClient();
      const all: QueryKey[] = [
        queryKeys.folder('a'),
        queryKeys.file('x'),
        [...root, 'folder', 'a'],
        [...root, 'file', 'x'],
        [...root, 'file', 'y'],
        ['mytoutatice', 'sharing', 'S2', 'folder', 'a'],
      ];
      for (const key of all) queryClient.setQueryData(key, {});
      queryClient.setQueryData(queryKeys.documents(notes), {});
      const invalidated = () => all.filter((key) => queryClient.getQueryState(key)?.isInvalidated).map((key) => key.slice(1).join(':'));
      return { queryClient, invalidated, ...fakeRealtime() };
    }

    it('refreshes the scope’s listings and the changed file only, not one’s own space nor another sharing', () => {
      const { queryClient, realtime, emit, invalidated, subscriptions } = setUpScope();
      connectRealtimeToQueryClient(realtime, queryClient, { keys });
      expect(subscriptions).toEqual([{ files: true }]);
      emit({ changes: [{ seq: 3, kind: 'file', id: 'x', parentId: 'a', deleted: false }], last: 3 });
      expect(invalidated()).toEqual(['sharing:S1:folder:a', 'sharing:S1:file:x']);
    });

    it('refreshes everything in the scope when access through it changes', () => {
      const { queryClient, realtime, accessChange, invalidated } = setUpScope();
      connectRealtimeToQueryClient(realtime, queryClient, { keys });
      accessChange(true);
      expect(invalidated()).toEqual(['sharing:S1:folder:a', 'sharing:S1:file:x', 'sharing:S1:file:y']);
    });
  });
});
