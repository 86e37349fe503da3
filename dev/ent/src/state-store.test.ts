import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sqliteStateStore } from './state-store.ts';

const dir = mkdtempSync(join(tmpdir(), 'dev-ent-state-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe(sqliteStateStore.name, () => {
  it('keeps sessions and tokens across a restart, until they expire', async () => {
    const file = join(dir, 'restart.sqlite');
    const before = sqliteStateStore(file);
    await before('Session').upsert('s-1', { uid: 'u-1', accountId: 'eleve' }, 3600);
    await before('RefreshToken').upsert('rt-1', { grantId: 'g-1', accountId: 'eleve' }, 3600);
    await before('AuthorizationCode').upsert('code-1', { grantId: 'g-1' }, -1);

    const after = sqliteStateStore(file);
    await expect(after('Session').find('s-1')).resolves.toMatchObject({ accountId: 'eleve' });
    await expect(after('Session').findByUid('u-1')).resolves.toMatchObject({ accountId: 'eleve' });
    await expect(after('RefreshToken').find('rt-1')).resolves.toMatchObject({ grantId: 'g-1' });
    await expect(after('AuthorizationCode').find('code-1')).resolves.toBeUndefined();
    // Models are apart: the same id in another model is another record.
    await expect(after('AccessToken').find('s-1')).resolves.toBeUndefined();
  });

  it('consumes, destroys, and revokes a grant’s tokens but not its session', async () => {
    const store = sqliteStateStore(join(dir, 'ops.sqlite'));
    await store('AuthorizationCode').upsert('code-1', { grantId: 'g-1' }, 60);
    await store('AccessToken').upsert('at-1', { grantId: 'g-1' }, 60);
    await store('AccessToken').upsert('at-2', { grantId: 'g-2' }, 60);
    await store('Interaction').upsert('i-1', { grantId: 'g-1' }, 60);
    await store('DeviceCode').upsert('dc-1', { grantId: 'g-3', userCode: 'ABCD-EFGH' }, 60);

    await store('AuthorizationCode').consume('code-1');
    expect((await store('AuthorizationCode').find('code-1'))?.consumed).toEqual(expect.any(Number));
    await expect(store('DeviceCode').findByUserCode('ABCD-EFGH')).resolves.toMatchObject({ grantId: 'g-3' });

    await store('AccessToken').revokeByGrantId('g-1');
    await expect(store('AuthorizationCode').find('code-1')).resolves.toBeUndefined();
    await expect(store('AccessToken').find('at-1')).resolves.toBeUndefined();
    await expect(store('AccessToken').find('at-2')).resolves.toBeDefined();
    await expect(store('Interaction').find('i-1')).resolves.toBeDefined();

    await store('AccessToken').destroy('at-2');
    await expect(store('AccessToken').find('at-2')).resolves.toBeUndefined();
  });
});
