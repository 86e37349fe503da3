import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_NAME_BYTES } from '@mytoutatice/contract';
import { validName } from './file-names.ts';
import { HttpError } from '@mytoutatice/server-kit';
import { startStorage, type StorageHarness, type TestInstance } from '../../test/harness/storage-harness.ts';

/** Strings that stress names: any code point, plus the characters that matter most here. */
const nameLike = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({
    unit: fc.constantFrom('.', '/', '\\', ' ', '\u0000', '\u202E', '\u2066', 'e', '\u0301', 'é', '(', ')', '%', '?', '#', '\uD800'),
    maxLength: 30,
  }),
);

describe(validName.name, { timeout: 120_000 }, () => {
  let storage: StorageHarness;
  let alice: TestInstance;
  beforeAll(async () => {
    storage = await startStorage();
    alice = await storage.createInstance('alice');
  });
  afterAll(() => storage.close());

  it('either accepts a name as NFC within the byte limit, or refuses it with 400 invalid_name', () => {
    fc.assert(
      fc.property(nameLike, (raw) => {
        try {
          const name = validName(raw);
          expect(name).toBe(name.normalize('NFC'));
          expect(Buffer.byteLength(name)).toBeLessThanOrEqual(MAX_NAME_BYTES);
          for (const forbidden of ['/', '\\', '\u0000']) expect(name).not.toContain(forbidden);
        } catch (error) {
          expect(error).toBeInstanceOf(HttpError);
          expect((error as HttpError).status).toBe(400);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('never answers a 5xx to an arbitrary folder or file name', async () => {
    await fc.assert(
      fc.asyncProperty(nameLike, fc.boolean(), async (name, asFile) => {
        const response = asFile
          ? await storage.call(alice.token, `/files/root/files?conflict=rename&name=${encodeURIComponent(name.replace(/\p{Cs}/gu, '\uFFFD'))}`, {
              method: 'POST',
              body: 'x',
            })
          : await storage.call(alice.token, '/files/root/folders', {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ name }),
            });
        expect([201, 400, 409]).toContain(response.status);
        const body = await response.json();
        if (response.status !== 201) expect(['invalid_name', 'name_conflict']).toContain(body.code);
      }),
      { numRuns: 300 },
    );
  });

  it('never answers a 5xx to an arbitrary path segment', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 60 }), async (segment) => {
        const response = await storage.call(alice.token, `/files/${encodeURIComponent(segment)}/children`);
        expect(response.status).toBeLessThan(500);
      }),
      { numRuns: 200 },
    );
  });
});
