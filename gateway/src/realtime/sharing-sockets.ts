import type { WebSocket } from 'ws';
import { realtimeCloseCodes } from '@mytoutatice/contract';

/** A client's socket relayed to the storage, as a sharing sees it: closed with a code, telling when it is gone. */
export type RelayedSocket = {
  /** Closes the client's socket with `code`, and the storage socket behind it. */
  close(code: number, reason: string): void;
  onClose(listener: () => void): void;
};

/** A client's `ws` socket piped to the storage's (pipeSockets), as a RelayedSocket. */
export function wsPair(client: WebSocket, upstream: WebSocket): RelayedSocket {
  return {
    close(code, reason) {
      client.close(code, reason);
      upstream.close(1000, reason);
    },
    onClose(listener) {
      client.once('close', listener);
    },
  };
}

/**
 * The realtime sockets open through each sharing, by the ENT `sub` of who opened them (a member,
 * or the owner). Every request through a sharing checks the membership again; a socket is checked
 * once, when it opens, so ending someone's access must close theirs here, at once.
 */
export class SharingSockets {
  readonly #open = new Map<string, Map<string, Set<RelayedSocket>>>();

  /** Keeps the socket until it closes. */
  add(sharingId: string, sub: string, relayed: RelayedSocket): void {
    let bySub = this.#open.get(sharingId);
    if (!bySub) this.#open.set(sharingId, (bySub = new Map()));
    let sockets = bySub.get(sub);
    if (!sockets) bySub.set(sub, (sockets = new Set()));
    sockets.add(relayed);
    relayed.onClose(() => {
      sockets.delete(relayed);
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
    const sockets = sub === undefined ? [...bySub.values()].flatMap((set) => [...set]) : [...(bySub.get(sub) ?? [])];
    sockets.forEach(endRelayed);
  }
}

/** Closes the client's socket with 4403 (access changed) and the storage socket behind it. */
export function endRelayed(relayed: RelayedSocket): void {
  relayed.close(realtimeCloseCodes.accessChanged, 'access changed');
}
