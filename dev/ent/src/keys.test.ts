import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadOrCreateKeys } from './keys.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dev-ent-keys-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe(loadOrCreateKeys.name, () => {
  it('creates the file, private to its owner, and reads the same keys back', async () => {
    const file = join(dir, 'nested', 'keys.json');
    const created = await loadOrCreateKeys(file);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(created.jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect(await loadOrCreateKeys(file)).toEqual(created);
  });

  it('refuses a damaged file instead of replacing it', async () => {
    const file = join(dir, 'keys.json');
    await writeFile(file, '{"jwks":{"keys":[]}}');
    await expect(loadOrCreateKeys(file)).rejects.toThrow(/not valid/);
    expect(await readFile(file, 'utf8')).toBe('{"jwks":{"keys":[]}}');
  });
});
