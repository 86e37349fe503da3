import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchFiles } from './search.ts';
import { fileCalls, type FileCalls } from '../../test/files/test-calls.ts';
import { startStorage, type StorageHarness } from '../../test/harness/storage-harness.ts';

describe(searchFiles.name, () => {
  let storage: StorageHarness;
  let api: FileCalls;
  beforeAll(async () => {
    storage = await startStorage();
    api = fileCalls(storage, (await storage.createInstance('alice')).token);
    const admin = await api.folder('root', 'Administratif');
    const ensap = await api.folder(admin.id, 'Ensap');
    await api.file(ensap.id, 'bulletin École.pdf');
    await api.folder('root', 'École primaire');
    await api.file('root', 'ÉCOLOGIE.txt');
    await api.file(admin.id, 'lettre à l’ecole.odt');
    await api.file('root', 'sans rapport.txt');
  });
  afterAll(() => storage.close());

  it('takes %, _ and \\ as themselves, not as patterns', async () => {
    await api.file('root', '100% réussite.txt');
    await api.file('root', 'note_1.txt');
    expect((await api.search('100%')).items.map((item) => item.name)).toEqual(['100% réussite.txt']);
    expect((await api.search('% r')).items.map((item) => item.name)).toEqual(['100% réussite.txt']);
    expect((await api.search('note_1')).items.map((item) => item.name)).toEqual(['note_1.txt']);
    expect((await api.search('0\\%')).items).toEqual([]);
    // Taken literally: `_` matches only a real underscore, `%%` matches nothing.
    expect((await api.search('_')).items.map((item) => item.name)).toEqual(['note_1.txt']);
    expect((await api.search('%%')).items).toEqual([]);
  });

  it('finds names containing the text, ignoring case and accents, prefixes first, each with its path', async () => {
    const results = await api.search('ecol');
    expect(results.items.map((item) => [item.name, item.path])).toEqual([
      ['École primaire', '/École primaire'],
      ['ÉCOLOGIE.txt', '/ÉCOLOGIE.txt'],
      ['bulletin École.pdf', '/Administratif/Ensap/bulletin École.pdf'],
      ['lettre à l’ecole.odt', '/Administratif/lettre à l’ecole.odt'],
    ]);
    expect(results.next).toBeNull();
    expect((await api.search('ÉCOLE')).items.map((item) => item.name)).toEqual([
      'École primaire',
      'bulletin École.pdf',
      'lettre à l’ecole.odt',
    ]);
    expect((await api.search('E\u0301cole')).items).toHaveLength(3);
    expect((await api.search('ensap')).items.map((item) => item.path)).toEqual(['/Administratif/Ensap']);
    expect((await api.search('introuvable')).items).toEqual([]);
  });

  it('finds names holding every word of the query in any order, « _ », « - » and « . » separating words', async () => {
    const folder = await api.folder('root', 'Paie');
    await api.file(folder.id, '2017_01_Bulletin_de_paie_janvier.pdf');
    await api.file(folder.id, '2017-02-Bulletin-de-paie-février.pdf');
    await api.file(folder.id, 'Janvier.2018.Bulletin.pdf');
    const names = async (q: string) => (await api.search(q)).items.map((item) => item.name);
    expect(await names('paie janvier')).toEqual(['2017_01_Bulletin_de_paie_janvier.pdf']);
    expect(await names('JANVIER  Paie')).toEqual(['2017_01_Bulletin_de_paie_janvier.pdf']);
    expect(await names('bulletin_fevrier')).toEqual(['2017-02-Bulletin-de-paie-février.pdf']);
    // Names starting with the first word first.
    expect(await names('janvier bulletin')).toEqual(['Janvier.2018.Bulletin.pdf', '2017_01_Bulletin_de_paie_janvier.pdf']);
    expect(await names('bulletin 2017 pdf')).toEqual(['2017-02-Bulletin-de-paie-février.pdf', '2017_01_Bulletin_de_paie_janvier.pdf']);
    expect(await names('paie mars')).toEqual([]);
  });

  it('pages with a cursor through every result exactly once, and refuses a cursor of another search', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await api.search('e', `&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.next;
    } while (cursor);
    const all = await api.search('e', '&limit=1000');
    expect(seen).toEqual(all.items.map((item) => item.id));
    expect(new Set(seen).size).toBe(seen.length);

    const first = await api.search('e', '&limit=1');
    const other = await api.call(`/files/search?q=a&cursor=${first.next}`);
    expect(other.status).toBe(400);
  });

  it('answers 400 to an empty, blank, missing, repeated or too long query', async () => {
    for (const query of ['q=', 'q=%20%20', '', `q=${'a'.repeat(256)}`, 'q=a&q=b', 'q=%CC%81']) {
      const response = await api.call(`/files/search?${query}`);
      expect(response.status, query).toBe(400);
      expect((await response.json()).code).toBe('bad_request');
    }
    expect((await api.call(`/files/search?q=${'a'.repeat(255)}`)).status).toBe(200);
  });
});
