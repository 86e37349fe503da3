import { randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileDoc, FolderListing, PROBLEM_CONTENT_TYPE, Problem, checkName } from '@mytoutatice/contract';
import { accentedName, nameLike } from '@mytoutatice/contract/testing';
import { startStorage, type StorageHarness, type TestInstance } from '../../test/harness/storage-harness.ts';
import { ON_S3 } from '../../test/harness/test-database.ts';

/** UTF-8, except that a lone surrogate becomes its WTF-8 bytes: what a careless client sends. */
function wtf8(raw: string): Buffer {
  const parts = raw.match(/\p{Cs}|[^\p{Cs}]+/gu) ?? [];
  return Buffer.concat(
    parts.map((part) => {
      if (!/\p{Cs}/u.test(part)) return Buffer.from(part, 'utf8');
      const unit = part.charCodeAt(0);
      return Buffer.from([0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)]);
    }),
  );
}

const queryValue = (raw: string) => Array.from(wtf8(raw), (byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');

type Way = 'folder' | 'upload' | 'rename';
const ways = fc.constantFrom<Way>('folder', 'upload', 'rename');

// Hundreds of HTTP round trips per property: minutes on a loaded 2-core machine, seconds on a quiet one.
describe('file and folder names over HTTP', { timeout: 120_000 }, () => {
  let storage: StorageHarness;
  let alice: TestInstance;

  const send = (path: string, method: string, body?: unknown) =>
    storage.call(alice.token, path, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const created = async (response: Response) => {
    expect(response.status, await response.clone().text()).toBeLessThan(300);
    return FileDoc.parse(await response.json());
  };
  const newFolder = async (parentId = 'root', name: string = randomUUID()) =>
    created(await send(`/files/${parentId}/folders`, 'POST', { name }));
  const upload = (parentId: string, name: string, query = '') =>
    storage.call(alice.token, `/files/${parentId}/files?name=${queryValue(name)}${query}`, { method: 'POST', body: 'x' });

  /** Names an item `name` in `parentId` the given way (a rename renames a fresh placeholder). */
  async function nameItem(way: Way, parentId: string, name: string): Promise<Response> {
    if (way === 'folder') return send(`/files/${parentId}/folders`, 'POST', { name });
    if (way === 'upload') return upload(parentId, name);
    const placeholder = await created(await upload(parentId, `placeholder-${randomUUID()}`));
    return send(`/files/${placeholder.id}`, 'PATCH', { name });
  }

  async function expectProblem(response: Response, status: number, code: string): Promise<Problem> {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toContain(PROBLEM_CONTENT_TYPE);
    const problem = Problem.parse(await response.json());
    expect(problem.code).toBe(code);
    return problem;
  }

  const namesIn = async (folderId: string) =>
    FolderListing.parse(await (await storage.call(alice.token, `/files/${folderId}/children?limit=200`)).json()).items.map(
      (item) => item.name,
    );

  beforeAll(async () => {
    storage = await startStorage();
    alice = await storage.createInstance('alice');
  });
  afterAll(() => storage.close());

  it('stores an accepted name as NFC and reads it back identical; refuses any other with 400 invalid_name', async () => {
    await fc.assert(
      fc.asyncProperty(nameLike, ways, async (raw, way) => {
        const parent = await newFolder();
        const response = await nameItem(way, parent.id, raw);
        // A query string carries bytes: the server decodes a lone surrogate's bytes as U+FFFD.
        const received = way === 'upload' ? wtf8(raw).toString('utf8') : raw;
        const check = checkName(received);
        if (!check.ok) {
          await expectProblem(response, 400, 'invalid_name');
          return;
        }
        const item = await created(response);
        expect(item.name).toBe(check.name);
        expect(item.parentId).toBe(parent.id);
        const read = FileDoc.parse(await (await storage.call(alice.token, `/files/${item.id}`)).json());
        expect(read.name).toBe(check.name);
      }),
      { numRuns: 100 },
    );
  });

  it('treats the NFC and NFD spellings of a name as the same name: 409 name_conflict with a free suggested name', async () => {
    await fc.assert(
      fc.asyncProperty(accentedName, ways, ways, fc.boolean(), async (name, firstWay, secondWay, nfdFirst) => {
        const [first, second] = nfdFirst ? [name.normalize('NFD'), name.normalize('NFC')] : [name.normalize('NFC'), name.normalize('NFD')];
        const parent = await newFolder();
        await created(await nameItem(firstWay, parent.id, first));
        const problem = await expectProblem(await nameItem(secondWay, parent.id, second), 409, 'name_conflict');

        const suggested = problem.suggestedName ?? '';
        expect(checkName(suggested)).toEqual({ ok: true, name: suggested });
        expect(suggested).not.toBe(name.normalize('NFC'));
        expect((await created(await nameItem(secondWay, parent.id, suggested))).name).toBe(suggested);
        expect((await namesIn(parent.id)).filter((listed) => listed === name.normalize('NFC'))).toHaveLength(1);
      }),
      { numRuns: 50 },
    );
  });

  it('offers and takes only valid names on a clash, even for names at the byte limit', async () => {
    await fc.assert(
      fc.asyncProperty(nameLike, async (raw) => {
        const check = checkName(wtf8(raw).toString('utf8'));
        fc.pre(check.ok);
        if (!check.ok) return;
        const parent = await newFolder();
        await created(await upload(parent.id, check.name));
        const problem = await expectProblem(await upload(parent.id, check.name), 409, 'name_conflict');
        expect(checkName(problem.suggestedName ?? '').ok).toBe(true);
        const renamed = await created(await upload(parent.id, check.name, '&conflict=rename'));
        expect(checkName(renamed.name)).toEqual({ ok: true, name: renamed.name });
        expect(renamed.name).not.toBe(check.name);
      }),
      { numRuns: 50 },
    );
  });

  it('keeps a numbered name within 255 bytes when the extension takes nearly all of them (found by the property above)', async () => {
    const parent = await newFolder();
    const name = `😀.${'x'.repeat(248)}`;
    await created(await upload(parent.id, name));
    const problem = await expectProblem(await upload(parent.id, name), 409, 'name_conflict');
    expect(Buffer.byteLength(problem.suggestedName ?? '')).toBeLessThanOrEqual(255);
    const renamed = await created(await upload(parent.id, name, '&conflict=rename'));
    expect(renamed.name).toBe(problem.suggestedName);
    expect(checkName(renamed.name).ok).toBe(true);
  });

  it('never answers 5xx, whatever the name and the way it is sent', async () => {
    const parent = await newFolder();
    await fc.assert(
      fc.asyncProperty(nameLike, ways, async (raw, way) => {
        const response = await nameItem(way, parent.id, raw);
        expect(response.status).toBeLessThan(500);
        if (response.status >= 400) {
          expect(response.headers.get('content-type')).toContain(PROBLEM_CONTENT_TYPE);
          expect(['invalid_name', 'name_conflict']).toContain(Problem.parse(await response.json()).code);
        }
      }),
      { numRuns: 100 },
    );
  });

  // Runs last: everything the properties above created is on disk by now.
  // The on-disk layout of the embedded stores (on the S3 run, blob keys are the server's uuids anyway).
  it.skipIf(ON_S3)('never creates anything named after a file outside the instance folder', async () => {
    const dataDir = storage.config.dataDir;
    const instanceDir = join('instances', alice.id);
    const allowed = [
      /^registry\.sqlite(-wal|-shm)?$/,
      /^instances$/,
      new RegExp(`^${instanceDir}$`),
      new RegExp(`^${instanceDir}/(meta\\.sqlite(-wal|-shm)?|content|tmp)$`),
      new RegExp(`^${instanceDir}/content/[0-9a-f]{2}(/[0-9a-f-]{36})?$`),
    ];
    const entries = await readdir(dataDir, { recursive: true, withFileTypes: true });
    const paths = entries.map((entry) => relative(dataDir, join(entry.parentPath, entry.name)));
    expect(paths.length).toBeGreaterThan(100);
    expect(paths.filter((path) => !allowed.some((pattern) => pattern.test(path)))).toEqual([]);
  });
});
