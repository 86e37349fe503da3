import {
  REALTIME_BEARER_PREFIX,
  REALTIME_PROTOCOL,
  RealtimeServerMessage,
  realtimeCloseCodes,
} from '@mytoutatice/contract';
import type { ChangeBatch, RealtimeSubscription } from '@mytoutatice/contract';
import type { TokenSource, TransportOptions } from './transport.ts';

export type RealtimeOptions = {
  /** Origin of the gateway; '' (the default) for the page's own. */
  baseUrl?: string;
  /** The socket's path: one's own space (`/api/realtime`) by default; a sharing's is `/api/sharings/<id>/realtime`. */
  path?: string;
  /**
   * Whether the caller still has access to what the socket follows (a sharing: asked of the
   * gateway). Asked after the server closed with 4403 (access changed) and after a connection
   * that could not open (a browser is not told why): false ends the Realtime for good.
   */
  hasAccess?: () => Promise<boolean>;
  getToken: TokenSource;
  /** Renews the token (the transport's hook): called before connecting with an expired one. */
  onUnauthorized?: TransportOptions['onUnauthorized'];
  /** Subscriptions made at once; `subscribe()` adds more later. */
  subscriptions?: readonly RealtimeSubscription[];
  /** Delay before the first reconnection after a failure, doubled on each following one. */
  minDelayMs?: number;
  maxDelayMs?: number;
  /** The WebSocket class (the global one by default). */
  WebSocket?: typeof WebSocket;
};

export type RealtimeStatus = 'connecting' | 'open' | 'closed';

export type Realtime = {
  /** Adds a subscription, kept across reconnections. */
  subscribe(subscription: RealtimeSubscription): void;
  /** Calls `listener` with each batch of new changes; returns the function that stops it. */
  onChanges(listener: (batch: ChangeBatch) => void): () => void;
  /**
   * Calls `listener` when the access the socket was opened with changed (through a sharing: a
   * new role, or `ended` when it is gone: the Realtime is then closed for good). What was shown
   * may no longer be allowed, or more may be: fetch it again. Returns the function that stops it.
   */
  onAccessChange(listener: (change: { ended: boolean }) => void): () => void;
  /** The seq of the last change received: where a reconnection resumes. */
  readonly last: number | null;
  readonly status: RealtimeStatus;
  /** Closes the socket for good. */
  close(): void;
};

/** A connection that lasted less than this and was closed with 4001 counts as a failure. */
const STABLE_MS = 1000;
/** A token this close to its expiry is renewed before connecting. */
const EXPIRY_MARGIN_S = 10;

/**
 * Follows the space's changes over `/api/realtime` (or what a sharing opens, see `path`),
 * framework-free. The socket is opened with the access token as a subprotocol (`bearer.<token>`,
 * browsers cannot set headers). After a close it reconnects, at once after 4001 (token expired)
 * or a first 4403 (access changed, once `hasAccess` agrees) and with exponential backoff
 * otherwise, with the current token, sends its subscriptions again and `{since: last}`: nothing
 * written in between is missed, and a change is delivered once.
 */
export function createRealtime(options: RealtimeOptions): Realtime {
  const { getToken, onUnauthorized, hasAccess, minDelayMs = 500, maxDelayMs = 30_000 } = options;
  const Socket = options.WebSocket ?? globalThis.WebSocket;
  const origin = options.baseUrl?.replace(/\/+$/, '') || globalThis.location.origin;
  const url = `${origin.replace(/^http/, 'ws')}${options.path ?? '/api/realtime'}`;
  const subscriptions = new Map<string, RealtimeSubscription>();
  const listeners = new Set<(batch: ChangeBatch) => void>();
  const accessListeners = new Set<(change: { ended: boolean }) => void>();
  let socket: WebSocket | null = null;
  let status: RealtimeStatus = 'connecting';
  let last: number | null = null;
  let failures = 0;
  /** The last close said access changed, and no connection has been greeted since. */
  let accessChanging = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const accessChanged = (ended: boolean) => {
    for (const listener of [...accessListeners]) listener({ ended });
  };

  /** True unless `hasAccess` says no; when it cannot tell (offline), keep trying. */
  async function stillAllowed(): Promise<boolean> {
    try {
      return hasAccess === undefined || (await hasAccess());
    } catch {
      return true;
    }
  }

  for (const subscription of options.subscriptions ?? []) subscriptions.set(JSON.stringify(subscription), subscription);

  const send = (message: unknown) => {
    if (socket?.readyState === Socket.OPEN) socket.send(JSON.stringify(message));
  };

  async function currentToken(): Promise<string | null | undefined> {
    let token = await getToken();
    if (token && expiresWithin(token, EXPIRY_MARGIN_S) && onUnauthorized && (await onUnauthorized()) !== false) {
      token = await getToken();
    }
    return token;
  }

  async function connect(): Promise<void> {
    timer = undefined;
    let token: string | null | undefined;
    try {
      token = await currentToken();
    } catch {
      token = null;
    }
    if (status === 'closed') return;
    const ws = new Socket(url, token ? [REALTIME_PROTOCOL, `${REALTIME_BEARER_PREFIX}${token}`] : [REALTIME_PROTOCOL]);
    socket = ws;
    let openedAt = 0;
    let greeted = false;

    ws.addEventListener('open', () => {
      openedAt = Date.now();
      status = 'open';
      for (const subscription of subscriptions.values()) send({ subscribe: subscription });
    });
    ws.addEventListener('message', (event) => {
      if (socket !== ws) return;
      let json: unknown;
      try {
        json = JSON.parse(String(event.data));
      } catch {
        return;
      }
      const parsed = RealtimeServerMessage.safeParse(json);
      if (!parsed.success || !('changes' in parsed.data)) return;
      const batch = parsed.data;
      if (!greeted) {
        // The first message is the server's position when the socket opened: resume from ours
        // when we have one, else start there (asking for it explicitly closes the gap between
        // the socket opening and the subscriptions arriving).
        greeted = true;
        failures = 0;
        accessChanging = false;
        last ??= batch.last;
        send({ since: last });
        return;
      }
      const from = last ?? 0;
      const changes = batch.changes.filter((change) => change.seq > from);
      last = Math.max(from, batch.last);
      if (changes.length === 0) return;
      for (const listener of [...listeners]) listener({ changes, last });
    });
    ws.addEventListener('close', (event) => {
      if (socket !== ws) return;
      socket = null;
      if (status === 'closed') return;
      status = 'connecting';
      const tokenExpired = event.code === realtimeCloseCodes.tokenExpired && openedAt > 0 && Date.now() - openedAt >= STABLE_MS;
      const access = event.code === realtimeCloseCodes.accessChanged;
      // Back at once after an access change, but not twice in a row without being greeted.
      const quick = tokenExpired || (access && !accessChanging);
      accessChanging ||= access;
      if (!quick) failures++;
      const delay = quick ? 0 : Math.min(maxDelayMs, minDelayMs * 2 ** (failures - 1)) * (0.5 + Math.random() / 2);
      const reconnect = () => {
        timer = setTimeout(() => void connect(), delay);
      };
      if (!access && (openedAt > 0 || hasAccess === undefined)) return reconnect();
      void stillAllowed().then((allowed) => {
        if (status === 'closed') return;
        if (!allowed) {
          status = 'closed';
          accessChanged(true);
          return;
        }
        if (access) accessChanged(false);
        reconnect();
      });
    });
  }

  void connect();

  return {
    subscribe(subscription) {
      const key = JSON.stringify(subscription);
      if (subscriptions.has(key)) return;
      subscriptions.set(key, subscription);
      send({ subscribe: subscription });
    },
    onChanges(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onAccessChange(listener) {
      accessListeners.add(listener);
      return () => accessListeners.delete(listener);
    },
    get last() {
      return last;
    },
    get status() {
      return status;
    },
    close() {
      status = 'closed';
      clearTimeout(timer);
      socket?.close(1000);
      socket = null;
    },
  };
}

/** True when `token` is a JWT whose `exp` falls within `seconds` from now (false for anything else). */
function expiresWithin(token: string, seconds: number): boolean {
  const payload = token.split('.')[1];
  if (!payload) return false;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const { exp } = JSON.parse(json) as { exp?: unknown };
    return typeof exp === 'number' && exp - Date.now() / 1000 < seconds;
  } catch {
    return false;
  }
}
