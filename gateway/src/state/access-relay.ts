import { randomUUID } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import type { PostgresDb } from '@mytoutatice/sql';

/** Someone's access to a sharing changed: `sub` removed or given another role, or everyone's (no `sub`: the sharing is gone). */
export type AccessChangeListener = (sharingId: string, sub?: string) => void;

/**
 * Tells the other gateway processes on the same database that someone's access to a sharing
 * changed, so that they close the realtime sockets they hold for it (requests need nothing:
 * every one reads the membership again).
 */
export type AccessRelay = {
  /** Call inside the transaction that makes the change: the others hear of it when, and only if, it commits. */
  announce(sharingId: string, sub?: string): Promise<void>;
  /** Calls `listener` for the changes other processes announce. */
  onAnnounced(listener: AccessChangeListener): void;
  close(): void;
};

const CHANNEL = 'gateway_sharing_access';
const RELISTEN_MS = 1000;

type Announcement = { origin: string; sharingId: string; sub: string | null };

/**
 * PostgreSQL's LISTEN/NOTIFY on one channel, held on one pooled connection. While that
 * connection is down (it is opened again every second), announcements are missed: a socket
 * through a sharing then ends at the latest when its one-minute internal token does, and is
 * checked again when the client reconnects.
 */
export function postgresAccessRelay(pool: Pool, db: PostgresDb, onError: (error: unknown) => void): AccessRelay {
  const origin = randomUUID();
  const listeners = new Set<AccessChangeListener>();
  let listening: PoolClient | undefined;
  let retry: NodeJS.Timeout | undefined;
  let closed = false;

  const hear = (payload: string | undefined) => {
    const announcement = JSON.parse(payload ?? '{}') as Partial<Announcement>;
    if (announcement.origin === origin || typeof announcement.sharingId !== 'string') return;
    for (const listener of [...listeners]) listener(announcement.sharingId, announcement.sub ?? undefined);
  };

  const lost = (client: PoolClient, error: unknown) => {
    if (listening === client) listening = undefined;
    client.release(error instanceof Error ? error : true);
    if (!closed) {
      onError(error);
      retry = setTimeout(listen, RELISTEN_MS);
      retry.unref();
    }
  };

  async function listen(): Promise<void> {
    let client: PoolClient | undefined;
    try {
      client = await pool.connect();
      const held = client;
      held.on('notification', (message) => {
        if (message.channel === CHANNEL) hear(message.payload);
      });
      held.on('error', (error) => lost(held, error));
      await held.query(`LISTEN ${CHANNEL}`);
      if (closed) held.release(true);
      else listening = held;
    } catch (error) {
      if (client) lost(client, error);
      else if (!closed) {
        onError(error);
        retry = setTimeout(listen, RELISTEN_MS);
        retry.unref();
      }
    }
  }

  return {
    async announce(sharingId, sub) {
      const announcement: Announcement = { origin, sharingId, sub: sub ?? null };
      await db.get('SELECT pg_notify(?, ?) AS sent', CHANNEL, JSON.stringify(announcement));
    },
    onAnnounced(listener) {
      if (listeners.size === 0 && listening === undefined && retry === undefined) void listen();
      listeners.add(listener);
    },
    close() {
      closed = true;
      clearTimeout(retry);
      listening?.release(true);
      listening = undefined;
    },
  };
}
