import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lingerAfterEarlyAnswer } from '@mytoutatice/server-kit';
import { startGateway, type GatewayHarness } from '../../test/gateway-harness.ts';

/** A body the storage refuses before reading it, sent through the gateway: the caller gets the storage's word. */
describe(`${lingerAfterEarlyAnswer.name} through the gateway`, () => {
  let gw: GatewayHarness;
  let teacher: string;
  beforeAll(async () => {
    gw = await startGateway();
    teacher = await gw.onboard('enseignant');
  }, 60_000);
  afterAll(() => gw.close());

  it('answers the storage’s refusal of a large body (409 name taken, 413 too large), never a 502', async () => {
    expect((await gw.call(teacher, '/api/files/root/files?name=doublon.txt', { method: 'POST', body: 'premier' })).status).toBe(201);
    const upload = new Uint8Array(40 * 1024 * 1024);
    const note = JSON.stringify({ markdown: 'a'.repeat(12 * 1024 * 1024) });
    for (let i = 0; i < 2; i++) {
      const taken = await gw.call(teacher, '/api/files/root/files?name=doublon.txt&conflict=fail', { method: 'POST', body: upload });
      expect(taken.status).toBe(409);
      expect(((await taken.json()) as { code: string }).code).toBe('name_conflict');
      const tooLarge = await gw.call(teacher, '/api/notes', { method: 'POST', headers: { 'content-type': 'application/json' }, body: note });
      expect(tooLarge.status).toBe(413);
    }
    expect(await (await gw.call(teacher, `/api/files/root/children`)).json()).toMatchObject({ items: [expect.objectContaining({ name: 'doublon.txt', size: 7 })] });
  });
});
