import { randomUUID } from 'node:crypto';
import { queryOnce } from './query-once.ts';

export interface FreshDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A new, empty database on the cluster of `maintenanceUrl`, so tests in parallel never share one. */
export async function freshDatabase(maintenanceUrl: string): Promise<FreshDatabase> {
  const name = `t_${randomUUID().replaceAll('-', '')}`;
  await queryOnce(maintenanceUrl, `CREATE DATABASE ${name}`);
  const url = new URL(maintenanceUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await queryOnce(maintenanceUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
