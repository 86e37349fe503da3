import type { WebSocket } from 'ws';
import { realtimeCloseCodes } from '@mytoutatice/contract';

/** A client's socket and the storage socket it is piped to. */
export type PipedSocket = { client: WebSocket; upstream: WebSocket };

/**
 * The realtime sockets open through each sharing, by the ENT `sub` of who opened them (a member,
 * or the owner). Every request through a sharing checks the membership again; a socket is checked
 * once, when it opens, so ending someone's access must close theirs here, at once.
 */
export class SharingSockets {
  readonly #open = new Map<string, Map<string, Set<PipedSocket>>>();

  /** Keeps the pair until the client's socket closes. */
  add(sharingId: string, sub: string, piped: PipedSocket): void {
    let bySub = this.#open.get(sharingId);
    if (!bySub) this.#open.set(sharingId, (bySub = new Map()));
    let sockets = bySub.get(sub);
    if (!sockets) bySub.set(sub, (sockets = new Set()));
    sockets.add(piped);
    piped.client.once('close', () => {
      sockets.delete(piped);
      if (sockets.size === 0 && bySub.get(sub) === sockets) bySub.delete(sub);
      if (bySub.size === 0 && this.#open.get(sharingId) === bySub) this.#open.delete(sharingId);
    });
  }

  /**
   * Closes with 4403 (access changed) the sockets `sub` holds through the sharing, or everyone's
   * when no `sub` is named (the sharing stopped), and their storage sockets with them: nothing
   * more is relayed either way. The client comes back and is checked again.
   */
  end(sharingId: string, sub?: string): void {
    const bySub = this.#open.get(sharingId);
    if (!bySub) return;
    const pairs = sub === undefined ? [...bySub.values()].flatMap((set) => [...set]) : [...(bySub.get(sub) ?? [])];
    pairs.forEach(endPiped);
  }
}

/** Closes the client's socket with 4403 (access changed) and the storage socket behind it. */
export function endPiped({ client, upstream }: PipedSocket): void {
  client.close(realtimeCloseCodes.accessChanged, 'access changed');
  upstream.close(1000, 'access changed');
}
