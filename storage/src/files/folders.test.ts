import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileDoc } from '@mytoutatice/contract';
import { createFolder } from './folders.ts';
import { startStorage, type StorageHarness, type TestInstance } from '../../test/harness/storage-harness.ts';

describe(createFolder.name, () => {
  let storage: StorageHarness;
  let alice: TestInstance;
  beforeAll(async () => {
    storage = await startStorage();
    alice = await storage.createInstance('alice');
  });
  afterAll(() => storage.close());

  function mkdir(parentId: string, name: unknown) {
    return storage.call(alice.token, `/files/${parentId}/folders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name }),
    });
  }

  it('creates nested folders that can be read back', async () => {
    const response = await mkdir('root', 'Cours');
    expect(response.status).toBe(201);
    const cours = FileDoc.parse(await response.json());
    expect(cours).toMatchObject({ type: 'directory', name: 'Cours', parentId: 'root', size: null, sha256: null });

    const maths = FileDoc.parse(await (await mkdir(cours.id, 'Mathématiques')).json());
    expect(maths.parentId).toBe(cours.id);
    expect(await (await storage.call(alice.token, `/files/${maths.id}`)).json()).toEqual(maths);
  });

  it('answers 409 name_conflict with the first free numbered name', async () => {
    await mkdir('root', 'Projets');
    const first = await mkdir('root', 'Projets');
    expect(first.status).toBe(409);
    expect(await first.json()).toMatchObject({ code: 'name_conflict', suggestedName: 'Projets (2)' });

    await mkdir('root', 'Projets (2)');
    expect((await (await mkdir('root', 'Projets')).json()).suggestedName).toBe('Projets (3)');
  });

  it('compares names after NFC normalisation, and case-sensitively', async () => {
    const composed = FileDoc.parse(await (await mkdir('root', 'Été')).json());
    expect(composed.name).toBe('Été'.normalize('NFC'));
    expect((await mkdir('root', 'E\u0301te\u0301')).status).toBe(409);
    expect((await mkdir('root', 'été')).status).toBe(201);
  });

  it.each([
    ['..', 'réservé'],
    ['.', 'réservé'],
    ['a/b', 'interdit'],
    ['a\\b', 'interdit'],
    ['nul\u0000', 'interdit'],
    ['facture\u202Efdp.exe', 'interdit'],
    ['x'.repeat(256), 'trop long'],
    ['é'.repeat(128), 'trop long'],
    ['', 'vide'],
    ['   ', 'vide'],
    [' espace', 'espace'],
  ])('refuses the name %j with 400 invalid_name', async (name, reason) => {
    const response = await mkdir('root', name);
    expect(response.status).toBe(400);
    const problem = await response.json();
    expect(problem.code).toBe('invalid_name');
    expect(problem.detail).toContain(reason);
  });

  it('refuses a body without a string name, saying which field is wrong (a malformed body is bad_request on every route)', async () => {
    for (const name of [undefined, 42, null, ['a']]) {
      const response = await mkdir('root', name);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        code: 'bad_request',
        detail: name === undefined ? 'Le champ « name » est requis.' : 'Le champ « name » doit être un texte.',
      });
    }
  });

  it('answers 404 for an unknown parent', async () => {
    const response = await mkdir(crypto.randomUUID(), 'Perdu');
    expect(response.status).toBe(404);
    expect((await response.json()).code).toBe('not_found');
  });
});
