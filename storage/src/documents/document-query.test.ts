import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Document, DocumentListing } from '@mytoutatice/contract';
import { queryDocuments } from './document-query.ts';
import { startStorage, type StorageHarness, type TestInstance } from '../../test/harness/storage-harness.ts';

const CONTACTS = '/data/io.mytoutatice.contacts';
/** Names with ties, accents, case and absent emails, to trip a sort or a cursor. */
const PEOPLE: { fullname: string; email?: string }[] = [
  { fullname: 'Zoé Martin', email: 'zoe@example.org' },
  { fullname: 'alice Durand' },
  { fullname: 'Alice Durand', email: 'alice@example.org' },
  { fullname: 'Alice Durand', email: 'alice.d@example.org' },
  { fullname: 'Élodie Petit', email: 'elodie@example.org' },
  { fullname: 'Eric Blanc' },
  { fullname: 'Réda Haddad', email: 'reda@example.org' },
  { fullname: 'Renée Roux', email: 'renee@example.org' },
  { fullname: 'Rémi Colin' },
  { fullname: 'Bob', email: 'bob@example.org' },
  { fullname: 'Bob', email: 'bob@example.org' },
  { fullname: '😀 Emoji', email: 'emoji@example.org' },
  { fullname: 'Inès Faure', email: 'ines@example.org' },
];

describe(queryDocuments.name, () => {
  let storage: StorageHarness;
  let alice: TestInstance;
  let contacts: Document[];
  beforeAll(async () => {
    storage = await startStorage();
    alice = await storage.createInstance('alice');
    contacts = [];
    for (const person of PEOPLE) {
      const response = await storage.call(alice.token, CONTACTS, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ data: person }),
      });
      contacts.push(Document.parse(await response.json()));
    }
  });
  afterAll(() => storage.close());

  /** Every page of a query, `limit` at a time. */
  async function all(path: string, query: Record<string, string>, limit = 3): Promise<Document[]> {
    const seen: Document[] = [];
    let cursor: string | null = null;
    do {
      const search = new URLSearchParams({ ...query, limit: String(limit), ...(cursor ? { cursor } : {}) });
      const response = await storage.call(alice.token, `${path}?${search}`);
      expect(response.status).toBe(200);
      const page = DocumentListing.parse(await response.json());
      seen.push(...page.items);
      cursor = page.next;
    } while (cursor);
    return seen;
  }
  const problem = async (query: string, doctype = 'io.mytoutatice.contacts') => {
    const response = await storage.call(alice.token, `/data/${doctype}?${query}`);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.code).toBe('bad_request');
    return String(body.detail);
  };
  /** SQLite's order: text byte by byte (UTF-8), ties by id. */
  const byField = (field: 'fullname' | 'email', order: 'asc' | 'desc') => (a: Document, b: Document) => {
    const key = (doc: Document) => Buffer.from(String(doc.data[field] ?? ''));
    const compared = Buffer.compare(key(a), key(b)) || Buffer.compare(Buffer.from(a.id), Buffer.from(b.id));
    return order === 'asc' ? compared : -compared;
  };

  it('sorts on each declared field both ways, every document once across pages', async () => {
    for (const field of ['fullname', 'email'] as const) {
      for (const order of ['asc', 'desc'] as const) {
        const seen = await all(CONTACTS, { sort: field, order });
        expect(seen.map((doc) => doc.id)).toEqual([...contacts].sort(byField(field, order)).map((doc) => doc.id));
      }
    }
    expect((await all(CONTACTS, {})).map((doc) => doc.id)).toEqual(contacts.map((doc) => doc.id));
    expect((await all(CONTACTS, { order: 'desc' })).map((doc) => doc.id)).toEqual(contacts.map((doc) => doc.id).reverse());
  });

  it('filters with eq, prefix, gt and lt, alone or with a sort', async () => {
    const expectMatches = async (where: string, keep: (doc: Document) => boolean, sort?: 'fullname' | 'email') => {
      const seen = await all(CONTACTS, { where, ...(sort ? { sort } : {}) }, 2);
      const expected = contacts.filter(keep);
      expect(expected.length).toBeGreaterThan(0);
      if (sort) expected.sort(byField(sort, 'asc'));
      expect(seen.map((doc) => doc.id)).toEqual(expected.map((doc) => doc.id));
    };
    const name = (doc: Document) => String(doc.data.fullname);
    await expectMatches('fullname:eq:Alice Durand', (doc) => name(doc) === 'Alice Durand');
    await expectMatches('fullname:prefix:Ré', (doc) => name(doc).startsWith('Ré'), 'fullname');
    await expectMatches('fullname:prefix:R', (doc) => name(doc).startsWith('R'), 'fullname');
    await expectMatches('fullname:prefix:😀', (doc) => name(doc).startsWith('😀'));
    await expectMatches('fullname:gt:M', (doc) => Buffer.compare(Buffer.from(name(doc)), Buffer.from('M')) > 0, 'fullname');
    await expectMatches('email:lt:c', (doc) => String(doc.data.email ?? '') < 'c', 'email');
    await expectMatches('email:eq:', (doc) => doc.data.email === undefined, 'fullname');
    await expectMatches('email:prefix:bob@', (doc) => String(doc.data.email ?? '').startsWith('bob@'), 'email');
  });

  it('sorts notes by their date of change', async () => {
    const post = async (title: string) =>
      Document.parse(
        await (
          await storage.call(alice.token, '/data/io.mytoutatice.notes', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ data: { title } }),
          })
        ).json(),
      );
    const [first, second] = [await post('Première'), await post('Seconde')];
    await new Promise((resolve) => setTimeout(resolve, 5));
    await storage.call(alice.token, `/data/io.mytoutatice.notes/${first.id}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'if-match': first.rev },
      body: JSON.stringify({ data: { title: 'Première, revue' } }),
    });
    const seen = await all('/data/io.mytoutatice.notes', { sort: 'updatedAt', order: 'desc' }, 1);
    expect(seen.map((doc) => doc.id)).toEqual([first.id, second.id]);
  });

  it('refuses undeclared fields, bad filters and foreign cursors with 400 bad_request', async () => {
    expect(await problem('where=phone:eq:0102')).toMatch(/phone.*fullname, email/);
    expect(await problem('sort=phone')).toMatch(/phone/);
    expect(await problem('sort=createdAt&where=title:eq:x', 'io.mytoutatice.notes')).toMatch(/createdAt/);
    expect(await problem('sort=score', 'org.example.game.scores')).toMatch(/ordre de création/);
    await problem('where=fullname:like:Bob');
    await problem('where=fullname');
    await problem('where=fullname:eq:a&where=email:eq:b');
    await problem('order=up');
    const page = DocumentListing.parse(await (await storage.call(alice.token, `${CONTACTS}?sort=fullname&limit=1`)).json());
    expect(await problem(`sort=email&cursor=${page.next}`)).toMatch(/curseur/);
    expect(await problem(`sort=fullname&order=desc&cursor=${page.next}`)).toMatch(/curseur/);
  });
});
