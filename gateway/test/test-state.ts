import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshDatabase } from '@mytoutatice/sql/testing';
import { openGatewayState, type GatewayState, type GatewayStateConfig } from '../src/state/gateway-state.ts';

/** Set by the setup that started a PostgreSQL cluster (vitest's `gateway-postgres` project): its maintenance URL. */
export const GATEWAY_TEST_DATABASE_ENV = 'GATEWAY_TEST_DATABASE_URL';

/**
 * Whether this test file belongs to the run with the gateway's state on PostgreSQL (that project
 * sets it). The cluster's address alone is in every worker's environment once its setup ran, so
 * it would turn the embedded run into a second PostgreSQL run.
 */
export const STATE_ON_POSTGRES = process.env.GATEWAY_SUITE_RUN === 'postgres';

/** Where a test gateway keeps its state: a fresh folder, and a fresh database on the PostgreSQL run. */
export type TestStatePlace = GatewayStateConfig & { drop(): Promise<void> };

export async function testStatePlace(): Promise<TestStatePlace> {
  const dataDir = mkdtempSync(join(tmpdir(), 'mytoutatice-gateway-state-'));
  const maintenance = process.env[GATEWAY_TEST_DATABASE_ENV];
  const database = STATE_ON_POSTGRES && maintenance ? await freshDatabase(maintenance) : undefined;
  return {
    GATEWAY_DATA_DIR: dataDir,
    ...(database ? { DATABASE_URL: database.url } : {}),
    async drop() {
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The gateway's stores on a place of their own (see testStatePlace); `close` also drops the place. */
export async function openTestState(): Promise<GatewayState> {
  const place = await testStatePlace();
  const state = openGatewayState(place);
  return {
    ...state,
    async close() {
      await state.close();
      await place.drop();
    },
  };
}
