import type { Logger } from 'pino';
import { Directory } from '../directory/directory.ts';
import { LinkStore } from '../links/link-store.ts';
import { SharingStore } from '../sharing/sharing-store.ts';
import { openPostgresState } from './postgres-state.ts';
import { openSqliteState } from './sqlite-state.ts';

/**
 * Everything the gateway keeps: the directory, sharings and public links. Embedded (three SQLite
 * files in GATEWAY_DATA_DIR) by default; in the `gateway` schema of DATABASE_URL when it is set,
 * which several gateway processes may then share behind a load balancer (each one's sharing
 * store hears the others' access changes through LISTEN/NOTIFY); the files' rows are copied
 * into that schema when it is made.
 */
export type GatewayState = {
  directory: Directory;
  sharings: SharingStore;
  links: LinkStore;
  /** Resolves once the state can be read (PostgreSQL reached, its schema migrated); rejects if not. */
  ready(): Promise<void>;
  close(): Promise<void>;
};

export type GatewayStateConfig = { GATEWAY_DATA_DIR: string; DATABASE_URL?: string | undefined };

/** `log` hears of a lost connection to PostgreSQL's access announcements (re-opened at once). */
export function openGatewayState(config: GatewayStateConfig, log?: Pick<Logger, 'warn'>): GatewayState {
  if (config.DATABASE_URL !== undefined) {
    const { db, relay, close } = openPostgresState(config.DATABASE_URL, config.GATEWAY_DATA_DIR, (error) =>
      log?.warn({ err: error }, 'sharing access announcements: connection lost'),
    );
    return {
      directory: new Directory(db),
      sharings: new SharingStore(db, relay),
      links: new LinkStore(db),
      ready: async () => {
        await db.get('SELECT 1');
      },
      close,
    };
  }
  const files = openSqliteState(config.GATEWAY_DATA_DIR);
  return {
    directory: new Directory(files.directory),
    sharings: new SharingStore(files.sharings),
    links: new LinkStore(files.links),
    ready: () => Promise.resolve(),
    close: () => {
      for (const db of [files.directory, files.sharings, files.links]) db.close();
      return Promise.resolve();
    },
  };
}
