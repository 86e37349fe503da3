import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway } from '../../test/gateway-harness.ts';
import type { GatewayHarness } from '../../test/gateway-harness.ts';

let gw: GatewayHarness;
beforeAll(async () => {
  gw = await startGateway();
});
afterAll(() => gw.close());

async function spaceFor(login: string, email: string): Promise<string> {
  const { access_token } = await gw.tokenFor(login);
  const created = await gw.call(access_token, '/gateway/onboarding', {
    method: 'POST',
    body: JSON.stringify({ email, acceptCgu: true }),
    headers: { 'content-type': 'application/json' },
  });
  expect(created.status).toBe(201);
  return access_token;
}

describe('tus uploads through the gateway', () => {
  it('creates at /api/uploads, resumes at the Location it answers, and ends with the new file', async () => {
    const pupil = await spaceFor('eleve', 'jordan@exemple.fr');
    const teacher = await spaceFor('enseignant', 'annabel.bourde@ac-rennes.fr');
    const data = randomBytes(3 * 1024 * 1024);
    const tus = { 'tus-resumable': '1.0.0' };

    const created = await gw.call(pupil, '/api/uploads', {
      method: 'POST',
      headers: { ...tus, 'upload-length': String(data.length), 'upload-metadata': `filename ${Buffer.from('cours.mp4').toString('base64')}` },
    });
    expect(created.status).toBe(201);
    const location = created.headers.get('location') ?? '';
    expect(location).toMatch(/^\/api\/uploads\/[0-9a-f]{32}$/);

    const patch = (offset: number, end: number) =>
      gw.call(pupil, location, {
        method: 'PATCH',
        headers: { ...tus, 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream' },
        body: data.subarray(offset, end),
      });
    expect((await patch(0, 1024 * 1024)).status).toBe(204);
    const head = await gw.call(pupil, location, { method: 'HEAD', headers: tus });
    expect(head.headers.get('upload-offset')).toBe(String(1024 * 1024));
    expect((await gw.call(teacher, location, { method: 'HEAD', headers: tus })).status).toBe(404);

    const last = await patch(1024 * 1024, data.length);
    expect(last.status).toBe(204);
    const file = await gw.call(pupil, `/api/files/${last.headers.get('x-file-id')}`);
    expect(await file.json()).toMatchObject({ name: 'cours.mp4', size: data.length });
  });
});
