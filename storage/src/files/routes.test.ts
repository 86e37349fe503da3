import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileRoutes } from './routes.ts';
import { fileCalls, type FileCalls } from '../../test/files/test-calls.ts';
import { startStorage, type StorageHarness } from '../../test/harness/storage-harness.ts';

/** Anything a client might send as a name, id or query value, nasty characters included. */
const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({
    unit: fc.constantFrom('.', '/', '\\', ' ', '\u0000', '\u202E', 'e', '\u0301', 'É', '(', ')', '%', '?', '#', '&', '='),
    maxLength: 20,
  }),
);
/** Strings survive the URL only without lone surrogates (encodeURIComponent throws on them). */
const urlSafe = (value: string) => encodeURIComponent(value.replace(/\p{Cs}/gu, '\uFFFD'));

describe(fileRoutes.name, { timeout: 120_000 }, () => {
  let storage: StorageHarness;
  let api: FileCalls;
  let ids: string[];
  beforeAll(async () => {
    storage = await startStorage();
    api = fileCalls(storage, (await storage.createInstance('alice')).token);
    const folder = await api.folder('root', 'Dossier');
    const file = await api.file(folder.id, 'fichier.txt');
    const trashed = await api.file('root', 'jeté.txt');
    await api.trash(trashed.id);
    ids = ['root', 'trash', 'search', 'recent', folder.id, file.id, trashed.id];
  });
  afterAll(() => storage.close());

  it('never answers a 5xx to arbitrary ids, names and parameters on the VFS routes', async () => {
    const id = fc.oneof(fc.constantFrom(...['root', 'trash']), text, fc.nat(6).map((i) => ids[i] ?? 'root'));
    const body = fc.record(
      { name: fc.oneof(text, fc.integer(), fc.constant(null)), parentId: id, favorite: fc.oneof(fc.boolean(), text) },
      { requiredKeys: [] },
    );
    const request = fc.oneof(
      fc.tuple(fc.constant('PATCH'), id, body, text),
      fc.tuple(fc.constant('COPY'), id, body, text),
      fc.tuple(fc.constant('DELETE'), id, fc.constant({}), fc.constantFrom('true', 'false', '')),
      fc.tuple(fc.constant('RESTORE'), id, fc.constant({}), text),
      fc.tuple(fc.constant('SEARCH'), id, fc.constant({}), text),
      fc.tuple(fc.constant('LIST'), id, fc.constant({}), text),
      fc.tuple(fc.constantFrom('RECENT', 'FAVORITES', 'TRASH'), id, fc.constant({}), text),
    );
    await fc.assert(
      fc.asyncProperty(request, async ([kind, rawId, payload, value]) => {
        const target = `/files/${urlSafe(rawId)}`;
        const json = { headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) };
        const response = await {
          PATCH: () => api.call(`${target}?conflict=${urlSafe(value)}`, { method: 'PATCH', ...json }),
          COPY: () => api.call(`${target}/copy?conflict=rename`, { method: 'POST', ...json }),
          DELETE: () => api.call(`${target}?forever=${value}`, { method: 'DELETE' }),
          RESTORE: () => api.call(`${target}/restore`, { method: 'POST' }),
          SEARCH: () => api.call(`/files/search?q=${urlSafe(value)}&cursor=${urlSafe(rawId)}`),
          LIST: () => api.call(`${target}/children?sort=${urlSafe(value)}&order=desc&cursor=${urlSafe(rawId)}`),
          RECENT: () => api.call(`/files/recent?cursor=${urlSafe(value)}`),
          FAVORITES: () => api.call(`/files/favorites?limit=${urlSafe(value)}`),
          TRASH: () => api.call(`/files/trash/children?cursor=${urlSafe(value)}`),
        }[kind]();
        expect(response.status, `${kind} ${rawId} ${JSON.stringify(payload)} ${value}`).toBeLessThan(500);
        await response.arrayBuffer();
      }),
      { numRuns: 400 },
    );
  });
});
