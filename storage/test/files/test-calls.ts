import { FileDoc, FileList, FolderListing, SearchResults } from '@mytoutatice/contract';
import type { StorageHarness } from '../harness/storage-harness.ts';

/** One owner's calls on the files API, for tests: each returns the raw Response or the parsed answer. */
export function fileCalls(storage: StorageHarness, token: string) {
  const call = (path: string, init?: RequestInit) => storage.call(token, path, init);
  const json = (method: string, path: string, body: unknown) =>
    call(path, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const ok = async <T>(response: Response, schema: { parse(value: unknown): T }): Promise<T> => {
    if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
    return schema.parse(await response.json());
  };

  return {
    call,
    mkdir: (parentId: string, name: string) => json('POST', `/files/${parentId}/folders`, { name }),
    put: (parentId: string, name: string, body: string = name) =>
      call(`/files/${parentId}/files?name=${encodeURIComponent(name)}`, { method: 'POST', body }),
    patch: (id: string, body: unknown, query = '') => json('PATCH', `/files/${id}${query}`, body),
    copy: (id: string, body: unknown = {}, query = '') => json('POST', `/files/${id}/copy${query}`, body),
    trash: (id: string) => call(`/files/${id}`, { method: 'DELETE' }),
    restore: (id: string) => call(`/files/${id}/restore`, { method: 'POST' }),
    destroy: (id: string) => call(`/files/${id}?forever=true`, { method: 'DELETE' }),
    emptyTrash: () => call('/files/trash', { method: 'DELETE' }),

    /** Parsed answers, throwing on an error status. */
    folder: async (parentId: string, name: string) => ok(await json('POST', `/files/${parentId}/folders`, { name }), FileDoc),
    file: async (parentId: string, name: string, body: string = name) =>
      ok(await call(`/files/${parentId}/files?name=${encodeURIComponent(name)}`, { method: 'POST', body }), FileDoc),
    get: async (id: string) => ok(await call(`/files/${id}`), FileDoc),
    list: async (id: string, query = '') => ok(await call(`/files/${id}/children${query}`), FolderListing),
    trashed: async (query = '') => ok(await call(`/files/trash/children${query}`), FolderListing),
    search: async (q: string, query = '') =>
      ok(await call(`/files/search?q=${encodeURIComponent(q)}${query}`), SearchResults),
    recent: async (query = '') => ok(await call(`/files/recent${query}`), FileList),
    favorites: async (query = '') => ok(await call(`/files/favorites${query}`), FileList),
    names: async (id: string) => (await ok(await call(`/files/${id}/children?limit=1000`), FolderListing)).items.map((item) => item.name),
  };
}

export type FileCalls = ReturnType<typeof fileCalls>;
