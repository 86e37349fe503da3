import type { MetadataConfig } from '../config.ts';
import type { MetadataBackend } from './metadata-backend.ts';
import { PostgresBackend } from './postgres-backend.ts';
import { SqliteBackend } from './sqlite-backend.ts';

/** The configured metadata backend, ready to serve (PostgreSQL's registry schema made). */
export async function openMetadata(dataDir: string, config: MetadataConfig = { kind: 'sqlite' }): Promise<MetadataBackend> {
  if (config.kind === 'sqlite') return new SqliteBackend(dataDir);
  const backend = new PostgresBackend(config.url, config.poolSize);
  try {
    await backend.ready();
  } catch (error) {
    await backend.close();
    throw error;
  }
  return backend;
}
