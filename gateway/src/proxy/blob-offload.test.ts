import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BLOB_FILE_HEADER, BLOB_OFFLOAD_FILE, BLOB_OFFLOAD_HEADER, BLOB_RANGE_HEADER } from '@mytoutatice/contract';
import { startGateway, type GatewayHarness } from '../../test/gateway-harness.ts';

/** Headers that must read the same whether the storage or the gateway sends the bytes. */
const DOWNLOAD_HEADERS = ['content-type', 'content-length', 'content-range', 'content-disposition', 'content-security-policy', 'etag', 'accept-ranges', 'x-content-type-options'];

function someBytes(size: number): Buffer<ArrayBuffer> {
  const body = Buffer.alloc(size);
  for (let i = 0; i + 4 <= size; i += 4096) body.writeUInt32BE(i, i);
  return body;
}

describe('downloads read from disk by the gateway (storage on the same machine)', () => {
  let gw: GatewayHarness;
  let token: string;
  const body = someBytes(3 * 1024 * 1024 + 17);
  let fileId: string;
  let etag: string;

  beforeAll(async () => {
    gw = await startGateway();
    expect(gw.config.LOCAL_STORAGE_DIR).toBe(gw.storage.config.dataDir);
    token = await gw.onboard('eleve');
    const up = await gw.call(token, `/api/files/root/files?name=${encodeURIComponent('cours été.bin')}`, { method: 'POST', body });
    expect(up.status).toBe(201);
    ({ id: fileId } = (await up.json()) as { id: string });
    etag = `"${createHash('sha256').update(body).digest('hex')}"`;
  });
  afterAll(() => gw.close());

  const viaGateway = (headers: Record<string, string> = {}, method = 'GET') => gw.call(token, `/api/files/${fileId}/content`, { headers, method });

  it('answers what the storage would, byte for byte, for the whole file, a range, a 304 and a HEAD', async () => {
    const row = await gw.storage.metadata.registry.get('SELECT id FROM instances WHERE slug = ?', 'eleve');
    const owner = await gw.storage.sign('owner', { sub: String(row?.id) });
    const internal = await gw.storage.call(owner, `/files/${fileId}/content`, { method: 'HEAD' });
    const whole = await viaGateway();
    expect(whole.status).toBe(200);
    for (const name of DOWNLOAD_HEADERS) expect([name, whole.headers.get(name)]).toEqual([name, internal.headers.get(name)]);
    expect(Buffer.from(await whole.arrayBuffer()).equals(body)).toBe(true);

    const range = await viaGateway({ range: 'bytes=1048570-2097160' });
    expect(range.status).toBe(206);
    expect(range.headers.get('content-range')).toBe(`bytes 1048570-2097160/${body.length}`);
    expect(range.headers.get('content-length')).toBe('1048591');
    expect(Buffer.from(await range.arrayBuffer()).equals(body.subarray(1048570, 2097161))).toBe(true);

    const unchanged = await viaGateway({ 'if-none-match': etag });
    expect(unchanged.status).toBe(304);
    expect(await unchanged.text()).toBe('');

    const head = await viaGateway({}, 'HEAD');
    expect(head.headers.get('content-length')).toBe(String(body.length));
  });

  it('never shows the path of the file to the person', async () => {
    const res = await viaGateway({ [BLOB_OFFLOAD_HEADER]: BLOB_OFFLOAD_FILE });
    expect(res.headers.get(BLOB_FILE_HEADER)).toBeNull();
    expect(res.headers.get(BLOB_RANGE_HEADER)).toBeNull();
    expect((await res.arrayBuffer()).byteLength).toBe(body.length);
  });

  it('serves download links the same way, without any token', async () => {
    const link = (await (await gw.call(token, `/api/files/${fileId}/download-link`, { method: 'POST' })).json()) as { url: string };
    const res = await fetch(`${gw.url}${link.url}`, { headers: { range: 'bytes=-10' } });
    expect(res.status).toBe(206);
    expect(Buffer.from(await res.arrayBuffer()).equals(body.subarray(-10))).toBe(true);
  });

  it('answers a 500 problem, not the file, when the storage names a file outside its folder', async () => {
    // A storage that misbehaves (test double of a compromised or misconfigured backend).
    const rogue: Server = createServer((_req, res) => {
      res.writeHead(200, { [BLOB_FILE_HEADER]: '/etc/passwd', [BLOB_RANGE_HEADER]: '0-10', 'content-length': '0' });
      res.end();
    });
    await new Promise<void>((resolve) => rogue.listen(0, '127.0.0.1', resolve));
    const rogueGw = await startGateway({ STORAGE_URL: `http://127.0.0.1:${(rogue.address() as AddressInfo).port}` });
    try {
      // Download links go to the default backend, here the rogue one.
      const res = await fetch(`${rogueGw.url}/api/files/downloads/anything`);
      expect(res.status).toBe(500);
      expect(((await res.json()) as { code: string }).code).toBe('internal');
    } finally {
      await rogueGw.close();
      await new Promise((resolve) => rogue.close(resolve));
    }
  });

  it('lets the storage send the bytes when the gateway is not on its machine, ignoring a client asking for paths', async () => {
    const remote = await startGateway({}, { offload: false });
    try {
      const pupil = await remote.onboard('eleve');
      const up = await remote.call(pupil, '/api/files/root/files?name=a.txt', { method: 'POST', body: 'bonjour' });
      const { id } = (await up.json()) as { id: string };
      const res = await remote.call(pupil, `/api/files/${id}/content`, { headers: { [BLOB_OFFLOAD_HEADER]: BLOB_OFFLOAD_FILE } });
      expect(res.headers.get(BLOB_FILE_HEADER)).toBeNull();
      expect(await res.text()).toBe('bonjour');
    } finally {
      await remote.close();
    }
  });
});
