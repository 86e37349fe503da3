import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Document, DocumentListing, MAX_DOCUMENT_BYTES } from '@mytoutatice/contract';
import { createDocument } from './documents.ts';
import { startStorage, type StorageHarness, type TestInstance } from '../../test/harness/storage-harness.ts';

describe(createDocument.name, () => {
  let storage: StorageHarness;
  let alice: TestInstance;
  let bob: TestInstance;
  beforeAll(async () => {
    storage = await startStorage();
    alice = await storage.createInstance('alice');
    bob = await storage.createInstance('bob');
  });
  afterAll(() => storage.close());

  const post = (who: TestInstance, doctype: string, body: unknown) =>
    storage.call(who.token, `/data/${doctype}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('creates a document with an id and a first revision, readable back', async () => {
    const response = await post(alice, 'io.mytoutatice.notes', { data: { title: 'Révisions', tags: ['bac'] } });
    expect(response.status).toBe(201);
    const document = Document.parse(await response.json());
    expect(document).toMatchObject({ doctype: 'io.mytoutatice.notes', data: { title: 'Révisions', tags: ['bac'] } });
    expect(document.rev).toMatch(/^1-[0-9a-f]+$/);
    const read = await storage.call(alice.token, `/data/io.mytoutatice.notes/${document.id}`);
    expect(await read.json()).toEqual(document);
  });

  it('lists a doctype by pages, each document once, and keeps instances apart', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      ids.push(Document.parse(await (await post(alice, 'io.mytoutatice.contacts', { data: { fullname: `Contact ${i}` } })).json()).id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : '';
      const page = DocumentListing.parse(
        await (await storage.call(alice.token, `/data/io.mytoutatice.contacts?limit=3${query}`)).json(),
      );
      seen.push(...page.items.map((item) => item.id));
      cursor = page.next;
    } while (cursor);
    expect(seen).toEqual(ids);

    const bobs = DocumentListing.parse(await (await storage.call(bob.token, '/data/io.mytoutatice.contacts')).json());
    expect(bobs.items).toEqual([]);
    expect((await storage.call(bob.token, `/data/io.mytoutatice.contacts/${ids[0]}`)).status).toBe(404);
  });

  it('refuses bad doctypes and bodies with 400 bad_request', async () => {
    for (const doctype of ['Notes', 'notes', 'io..x', 'io.mytoutatice.' + 'x'.repeat(200)]) {
      const response = await post(alice, doctype, { data: {} });
      expect(response.status).toBe(400);
      expect((await response.json()).code).toBe('bad_request');
    }
    const withNul = [{ data: { title: 'a\u0000b' } }, { data: { 'clé\u0000': 1 } }, { data: { list: [{ deep: '\u0000' }] } }];
    for (const body of [{}, { data: [] }, { data: 'texte' }, [], ...withNul]) {
      const response = await post(alice, 'io.mytoutatice.notes', body);
      expect(response.status).toBe(400);
      expect((await response.json()).code).toBe('bad_request');
    }
  });

  it('checks first-party documents against their schema, extra fields allowed, and leaves other doctypes free', async () => {
    const refused: [string, unknown, string][] = [
      ['io.mytoutatice.notes', { text: 'sans titre' }, 'data.title'],
      ['io.mytoutatice.notes', { title: 'x'.repeat(501) }, 'data.title'],
      ['io.mytoutatice.contacts', { fullname: 'Ada', email: 42 }, 'data.email'],
      ['io.mytoutatice.photos.albums', { title: 'Vacances' }, 'data.name'],
    ];
    for (const [doctype, data, field] of refused) {
      const response = await post(alice, doctype, { data });
      expect(response.status).toBe(400);
      const problem = await response.json();
      expect(problem.code).toBe('bad_request');
      expect(problem.detail).toContain(field);
    }
    const accepted: [string, Record<string, unknown>][] = [
      ['io.mytoutatice.notes', { title: 'x'.repeat(500), body: 'texte', pinned: true }],
      ['io.mytoutatice.contacts', { fullname: 'Ada Lovelace' }],
      ['io.mytoutatice.photos.albums', { name: 'Vacances', cover: 'f1' }],
      ['org.example.game.scores', { anything: [1, { nested: null }] }],
    ];
    for (const [doctype, data] of accepted) {
      const response = await post(alice, doctype, { data });
      expect(response.status).toBe(201);
      expect(Document.parse(await response.json()).data).toEqual(data);
    }
  });

  it('refuses a document over MAX_DOCUMENT_BYTES with 413', async () => {
    const response = await post(alice, 'io.mytoutatice.notes', { data: { title: 'Long', text: 'x'.repeat(MAX_DOCUMENT_BYTES) } });
    expect(response.status).toBe(413);
    expect((await response.json()).code).toBe('payload_too_large');
    const huge = await post(alice, 'io.mytoutatice.notes', { data: { title: 'Long', text: 'x'.repeat(2 * MAX_DOCUMENT_BYTES) } });
    expect(huge.status).toBe(413);
  });
});
