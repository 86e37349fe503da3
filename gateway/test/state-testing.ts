/**
 * What benchmarks outside the gateway need to measure its state: the state as a gateway opens
 * it, the raw databases under it (to fill the directory in bulk), the directory and how it
 * splits names into searchable words.
 */
export { openGatewayState } from '../src/state/gateway-state.ts';
export type { GatewayState } from '../src/state/gateway-state.ts';
export { openPostgresState } from '../src/state/postgres-state.ts';
export { openSqliteState } from '../src/state/sqlite-state.ts';
export { GATEWAY_SCHEMA } from '../src/state/postgres-schema.ts';
export { Directory } from '../src/directory/directory.ts';
export { nameWords } from '../src/directory/name-words.ts';
