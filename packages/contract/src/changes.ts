import * as z from 'zod/mini';
import { Doctype } from './documents.ts';

/**
 * The changes feed (`GET /changes`) and the realtime WebSocket (`GET /realtime`) of an instance.
 * Every write bumps the instance's sequence; a change is the latest state of one file or document
 * (a row rewritten twice shows once, at its last seq), or its destruction (`deleted`).
 */
export const ChangeKind = z.enum(['file', 'document']);
export type ChangeKind = z.infer<typeof ChangeKind>;

export const Change = z.object({
  seq: z.int().check(z.positive()),
  kind: ChangeKind,
  id: z.string(),
  /** Documents only. */
  doctype: z.optional(z.string()),
  /** Files only: the folder it is in now (null for the root). Absent once destroyed. */
  parentId: z.optional(z.nullable(z.string())),
  deleted: z.boolean(),
});
export type Change = z.infer<typeof Change>;

/**
 * One page of the feed, and what the WebSocket pushes. `last` is where to resume (`since`): the
 * seq of the last change in the page, or `since` itself when nothing is newer.
 */
export const ChangeBatch = z.object({
  changes: z.array(Change),
  last: z.int().check(z.nonnegative()),
});
export type ChangeBatch = z.infer<typeof ChangeBatch>;

/** Longest `wait` a long-poll may ask for, in seconds (larger asks are served this). */
export const MAX_CHANGES_WAIT_S = 30;

/** The subprotocol both ends of the realtime WebSocket speak. */
export const REALTIME_PROTOCOL = 'mytoutatice.v1';
/**
 * Browsers cannot set headers on a WebSocket: they offer `bearer.<access token>` as a second
 * subprotocol next to REALTIME_PROTOCOL; the gateway reads it and answers REALTIME_PROTOCOL only.
 */
export const REALTIME_BEARER_PREFIX = 'bearer.';

/** Close codes of the realtime WebSocket besides the standard ones (1013: too many connections). */
export const realtimeCloseCodes = {
  /** The token the connection was opened with expired: reconnect with a fresh one, `since: last`. */
  tokenExpired: 4001,
  /**
   * What the socket was opened through changed: a sharing's member removed or given another role,
   * or the sharing stopped. Reconnect once: refused (404) when access is gone, else with the new role.
   */
  accessChanged: 4403,
} as const;

/** What a connection wants to hear about; several subscriptions add up. */
export const RealtimeSubscription = z.union([
  z.strictObject({ doctype: Doctype }),
  /** Changes of the folder itself and of what is directly in it. */
  z.strictObject({ folder: z.string().check(z.minLength(1), z.maxLength(128)) }),
  z.strictObject({ files: z.literal(true) }),
]);
export type RealtimeSubscription = z.infer<typeof RealtimeSubscription>;

/**
 * Client → server. `since` replays the matching changes after that seq, then follows live; send it
 * after the subscriptions, on each connection, once the server's first message has arrived.
 */
export const RealtimeClientMessage = z.union([
  z.strictObject({ subscribe: RealtimeSubscription }),
  z.strictObject({ since: z.int().check(z.nonnegative()) }),
]);
export type RealtimeClientMessage = z.infer<typeof RealtimeClientMessage>;

/** Server → client: change batches (the first one, on connection, is empty: the current seq), or an error. */
export const RealtimeServerMessage = z.union([ChangeBatch, z.object({ error: z.string() })]);
export type RealtimeServerMessage = z.infer<typeof RealtimeServerMessage>;
