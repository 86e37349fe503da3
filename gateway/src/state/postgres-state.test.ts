import { describe, expect, it } from 'vitest';
import { createPostgresPool } from '@mytoutatice/sql';
import { queryOnce } from '@mytoutatice/sql/testing';
import { STATE_ON_POSTGRES, testStatePlace } from '../../test/test-state.ts';
import { openGatewayState } from './gateway-state.ts';
import { POSTGRES_STEPS } from './postgres-schema.ts';
import { migrateGatewaySchema } from './postgres-state.ts';

describe.runIf(STATE_ON_POSTGRES)(migrateGatewaySchema.name, () => {
  it('runs the steps once when several gateways start together, and leaves the schema current', async () => {
    const place = await testStatePlace();
    const url = place.DATABASE_URL ?? '';
    const pools = [createPostgresPool(url), createPostgresPool(url), createPostgresPool(url)];
    try {
      await Promise.all(pools.map((pool) => migrateGatewaySchema(pool)));
      expect(await queryOnce(url, 'SELECT version FROM gateway.schema_version')).toEqual([{ version: POSTGRES_STEPS.length }]);
      const state = openGatewayState(place);
      await state.ready();
      await state.directory.add({ sub: 's', instanceId: 'i', slug: 'nadia', backendUrl: 'http://node', createdAt: '2026-12-01T00:00:00Z' });
      expect((await state.directory.findBySlug('nadia'))?.sub).toBe('s');
      await state.close();
    } finally {
      await Promise.all(pools.map((pool) => pool.end()));
      await place.drop();
    }
  });

  it('takes over what the embedded files held when first given DATABASE_URL, once', async () => {
    const place = await testStatePlace();
    try {
      const files = openGatewayState({ GATEWAY_DATA_DIR: place.GATEWAY_DATA_DIR });
      await files.directory.add({ sub: 'owner', instanceId: 'i-1', slug: 'enseignant', backendUrl: 'http://node', createdAt: '2026-12-01T00:00:00Z' });
      await files.directory.add({ sub: 'member', instanceId: 'i-2', slug: 'eleve', backendUrl: 'http://node', createdAt: '2026-12-01T00:00:00Z' });
      await files.directory.learn('member', { name: 'Nadia Le Goff', email: 'nadia.legoff@ac-rennes.fr' });
      const sharing = await files.sharings.create({ ownerSub: 'owner', ownerName: 'Annabel Bourde', itemId: 'f-1', itemKind: 'folder', itemName: 'Cours' }, [
        { sub: 'member', role: 'drop' },
      ]);
      const link = await files.links.create({
        ownerSub: 'owner',
        ownerName: 'Annabel Bourde',
        itemId: 'f-1',
        itemKind: 'folder',
        itemName: 'Cours',
        access: 'write',
        password: null,
        expiresAt: '2027-01-01T00:00:00.000Z',
        keepGps: true,
      });
      await files.close();

      const state = openGatewayState(place);
      expect(await state.directory.findBySlug('enseignant')).toMatchObject({ sub: 'owner', instanceId: 'i-1' });
      expect(await state.directory.search('goff', 'owner', 20)).toEqual([{ slug: 'eleve', name: 'Nadia Le Goff' }]);
      expect(await state.sharings.access(sharing.id, 'member')).toEqual({ sharing, role: 'drop' });
      expect(await state.links.byCode(link.code)).toEqual(link);
      await state.sharings.remove(sharing.id);
      await state.close();
      // Opened again: the schema is current, nothing is copied a second time.
      const again = openGatewayState(place);
      expect(await again.sharings.access(sharing.id, 'member')).toBeUndefined();
      expect(await again.links.forItem('owner', 'f-1')).toEqual([link]);
      await again.close();
    } finally {
      await place.drop();
    }
  });

  it('refuses a schema newer than this gateway rather than misread it', async () => {
    const place = await testStatePlace();
    const url = place.DATABASE_URL ?? '';
    const pool = createPostgresPool(url);
    try {
      await migrateGatewaySchema(pool);
      await queryOnce(url, 'UPDATE gateway.schema_version SET version = 99');
      await expect(migrateGatewaySchema(pool)).rejects.toThrow(/schema gateway is at version 99/);
      const state = openGatewayState(place);
      await expect(state.ready()).rejects.toThrow(/newer than this gateway/);
      await state.close();
    } finally {
      await pool.end();
      await place.drop();
    }
  });
});
