import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChangeBatch, Document } from '@mytoutatice/contract';
import { updateDocument } from './documents.ts';
import { startStorage, type StorageHarness, type TestInstance } from '../../test/harness/storage-harness.ts';

const NOTES = '/data/io.mytoutatice.notes';

describe(updateDocument.name, () => {
  let storage: StorageHarness;
  let alice: TestInstance;
  let bob: TestInstance;
  beforeAll(async () => {
    storage = await startStorage();
    alice = await storage.createInstance('alice');
    bob = await storage.createInstance('bob');
  });
  afterAll(() => storage.close());

  const send = (who: TestInstance, method: string, path: string, body?: unknown, ifMatch?: string) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (ifMatch !== undefined) headers['if-match'] = ifMatch;
    return storage.call(who.token, path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  };
  const createNote = async (who: TestInstance, title = 'Maths') =>
    Document.parse(await (await send(who, 'POST', NOTES, { data: { title } })).json());
  const expectProblem = async (response: Response, status: number, code: string) => {
    expect(response.status).toBe(status);
    expect((await response.json()).code).toBe(code);
  };

  it('moves a document through revisions with If-Match, quoted or bare, and serves its ETag', async () => {
    const note = await createNote(alice);
    const read = await storage.call(alice.token, `${NOTES}/${note.id}`);
    expect(read.headers.get('etag')).toBe(`"${note.rev}"`);
    const unchanged = await storage.call(alice.token, `${NOTES}/${note.id}`, { headers: { 'if-none-match': `"${note.rev}"` } });
    expect(unchanged.status).toBe(304);

    const first = await send(alice, 'PUT', `${NOTES}/${note.id}`, { data: { title: 'Maths', body: 'Chapitre 1' } }, `"${note.rev}"`);
    expect(first.status).toBe(200);
    const second = Document.parse(await first.json());
    expect(second.rev).toMatch(/^2-[0-9a-f]+$/);
    expect(first.headers.get('etag')).toBe(`"${second.rev}"`);
    expect(second).toMatchObject({ id: note.id, createdAt: note.createdAt, data: { title: 'Maths', body: 'Chapitre 1' } });

    const again = await send(alice, 'PUT', `${NOTES}/${note.id}`, { data: { title: 'Maths (bis)' } }, second.rev);
    const third = Document.parse(await again.json());
    expect(third.rev).toMatch(/^3-[0-9a-f]+$/);
    expect(Document.parse(await (await storage.call(alice.token, `${NOTES}/${note.id}`)).json())).toEqual(third);
    const stale = await storage.call(alice.token, `${NOTES}/${note.id}`, { headers: { 'if-none-match': `"${note.rev}"` } });
    expect(stale.status).toBe(200);
  });

  it('refuses a stale revision with 409 and a missing one with 428, leaving the document as it was', async () => {
    const note = await createNote(alice);
    const updated = Document.parse(await (await send(alice, 'PUT', `${NOTES}/${note.id}`, { data: { title: 'v2' } }, note.rev)).json());
    await expectProblem(await send(alice, 'PUT', `${NOTES}/${note.id}`, { data: { title: 'v3' } }, note.rev), 409, 'revision_conflict');
    await expectProblem(await send(alice, 'PUT', `${NOTES}/${note.id}`, { data: { title: 'v3' } }), 428, 'precondition_required');
    await expectProblem(await send(alice, 'PUT', `${NOTES}/${note.id}`, { data: { title: 'v3' } }, '*'), 428, 'precondition_required');
    await expectProblem(await send(alice, 'PUT', `${NOTES}/${note.id}`, { data: { body: 'sans titre' } }, updated.rev), 400, 'bad_request');
    await expectProblem(await send(alice, 'PUT', `${NOTES}/unknown`, { data: { title: 'v3' } }, updated.rev), 404, 'not_found');
    expect(Document.parse(await (await storage.call(alice.token, `${NOTES}/${note.id}`)).json())).toEqual(updated);
  });

  it('lets exactly one of concurrent updates from the same revision win', async () => {
    const note = await createNote(alice);
    const responses = await Promise.all(
      Array.from({ length: 12 }, (_, i) => send(alice, 'PUT', `${NOTES}/${note.id}`, { data: { title: `écrit par ${i}` } }, note.rev)),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(11);
    const winner = Document.parse(await responses[statuses.indexOf(200)]!.json());
    const stored = Document.parse(await (await storage.call(alice.token, `${NOTES}/${note.id}`)).json());
    expect(stored).toEqual(winner);
    expect(stored.rev).toMatch(/^2-/);
  });

  it('deletes with If-Match and reports the tombstone in the changes feed', async () => {
    const note = await createNote(alice);
    const before = ChangeBatch.parse(await (await storage.call(alice.token, '/changes?since=0&limit=1000')).json()).last;
    await expectProblem(await send(alice, 'DELETE', `${NOTES}/${note.id}`, undefined, '1-0000'), 409, 'revision_conflict');
    await expectProblem(await send(alice, 'DELETE', `${NOTES}/${note.id}`), 428, 'precondition_required');
    expect((await send(alice, 'DELETE', `${NOTES}/${note.id}`, undefined, `"${note.rev}"`)).status).toBe(204);
    expect((await storage.call(alice.token, `${NOTES}/${note.id}`)).status).toBe(404);
    await expectProblem(await send(alice, 'DELETE', `${NOTES}/${note.id}`, undefined, note.rev), 404, 'not_found');

    const after = ChangeBatch.parse(await (await storage.call(alice.token, `/changes?since=${before}`)).json());
    expect(after.changes).toEqual([{ seq: after.last, kind: 'document', id: note.id, doctype: 'io.mytoutatice.notes', deleted: true }]);
    const listing = await (await storage.call(alice.token, NOTES)).json();
    expect(listing.items.map((item: Document) => item.id)).not.toContain(note.id);
  });

  it('answers 404 for another instance’s documents, whatever the revision', async () => {
    const note = await createNote(alice);
    await expectProblem(await storage.call(bob.token, `${NOTES}/${note.id}`), 404, 'not_found');
    await expectProblem(await send(bob, 'PUT', `${NOTES}/${note.id}`, { data: { title: 'pris' } }, note.rev), 404, 'not_found');
    await expectProblem(await send(bob, 'DELETE', `${NOTES}/${note.id}`, undefined, note.rev), 404, 'not_found');
    expect(Document.parse(await (await storage.call(alice.token, `${NOTES}/${note.id}`)).json())).toEqual(note);
  });
});
