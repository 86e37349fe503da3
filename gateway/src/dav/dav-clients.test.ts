import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { davSpace, type DavSpace } from '../../test/dav-space.ts';
import { startGateway, type GatewayHarness } from '../../test/gateway-harness.ts';

// Async on purpose: the gateway and the storage answer the client from this very process.
const run = promisify(execFile);

let gw: GatewayHarness;
let space: DavSpace;
let work: string;
beforeAll(async () => {
  gw = await startGateway();
  space = await davSpace(gw, 'eleve');
  work = await mkdtemp(join(tmpdir(), 'mytoutatice-dav-clients-'));
});
afterAll(async () => {
  await gw.close();
  await rm(work, { recursive: true, force: true });
});

describe('Debian’s litmus against /dav/files through the gateway', () => {
  it('passes every test of the basic, copymove, props, locks and http suites, without a warning', async () => {
    const { stdout } = await run('litmus', [space.url, space.slug, space.password], {
      cwd: work,
      env: { ...process.env, TESTS: 'basic copymove props locks http' },
    });
    const summaries = stdout.split('\n').filter((line) => line.startsWith('<- summary'));
    expect(summaries.map((line) => /for `(\w+)'/.exec(line)?.[1])).toEqual(['basic', 'copymove', 'props', 'locks', 'http']);
    for (const line of summaries) expect(line).toMatch(/ 0 failed\. 100\.0%$/);
    expect(stdout).not.toMatch(/WARNING/);
  }, 120_000);
});

/** Every file under `dir`, by its path relative to it, with the SHA-256 of its bytes. */
async function digests(dir: string): Promise<Record<string, string>> {
  const found: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    found[relative(dir, path).normalize('NFC')] = createHash('sha256').update(await readFile(path)).digest('hex');
  }
  return found;
}

/** A tree with the names clients get wrong, 7 folders deep, small files and a 5 MiB one. */
async function awkwardTree(root: string): Promise<void> {
  const names = ['Devoirs de maths', 'C# #1', 'déjà %20 vu', 'photos 📷🎉', '中文文件夹', 'ünïcödé ﬁ', 'nœud 7'];
  let dir = root;
  for (const [depth, name] of names.entries()) {
    dir = join(dir, name);
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, `note ${depth} #%.txt`), `niveau ${depth}\n`);
    await writeFile(join(dir, `数据-${depth} 😀.bin`), randomBytes(1000 + depth));
  }
  await writeFile(join(root, 'gros fichier.bin'), randomBytes(5 * 1024 * 1024));
  await writeFile(join(root, 'vide'), '');
  await writeFile(join(root, '%41%2F encodé.txt'), 'pas un chemin');
}

describe('rclone sync through /dav/files', () => {
  it('syncs an awkward tree up and back down byte for byte, and the Drive sees the same names', async () => {
    const up = join(work, 'up');
    const down = join(work, 'down');
    await awkwardTree(up);
    const { stdout: obscured } = await run('rclone', ['obscure', space.password]);
    const env = {
      ...process.env,
      RCLONE_CONFIG_MT_TYPE: 'webdav',
      RCLONE_CONFIG_MT_URL: space.url,
      RCLONE_CONFIG_MT_VENDOR: 'other',
      RCLONE_CONFIG_MT_USER: space.slug,
      RCLONE_CONFIG_MT_PASS: obscured.trim(),
    };
    const rclone = (...args: string[]) => run('rclone', ['--config', '/dev/null', '--retries', '1', ...args], { env, cwd: work });

    await rclone('sync', up, 'mt:Synchronisé');
    await rclone('sync', 'mt:Synchronisé', down);

    const sent = await digests(up);
    expect(Object.keys(sent)).toHaveLength(17);
    expect(await digests(down)).toEqual(sent);

    const listing = await gw.call(space.accessToken, '/api/files/root/children');
    const [folder] = ((await listing.json()) as { items: { id: string; name: string }[] }).items.filter((item) => item.name === 'Synchronisé');
    expect(folder).toBeDefined();
    const inside = await gw.call(space.accessToken, `/api/files/${folder?.id ?? ''}/children`);
    const names = ((await inside.json()) as { items: { name: string }[] }).items.map((item) => item.name).sort();
    expect(names).toEqual(['%41%2F encodé.txt', 'Devoirs de maths', 'gros fichier.bin', 'vide']);
  }, 120_000);
});
