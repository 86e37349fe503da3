import { TRASH_ID, type FileDoc } from '@mytoutatice/contract';
import type { StorageApi } from './storage-api.ts';

export interface KnownItem {
  id: string;
  type: 'file' | 'directory';
  name: string;
  /** Where it is: a folder, or the trash for an item trashed itself. */
  parentId: string;
  state: 'live' | 'trashed' | 'destroyed';
  sha256: string | null;
  size: number | null;
  /** Not downloaded and compared yet since it became known. */
  unchecked: boolean;
}

/** A write whose answer never came (the kill cut it): either outcome is allowed, nothing in between. */
export type InFlight =
  | { kind: 'upload'; parentId: string; name: string; sha256: string; size: number }
  | { kind: 'folder'; parentId: string; name: string }
  | { kind: 'move'; id: string; from: string; to: string }
  | { kind: 'trash'; id: string; from: string }
  | { kind: 'destroy'; id: string }
  | { kind: 'overwrite'; id: string; from: Content; to: Content };

export interface Content {
  sha256: string;
  size: number;
}

/**
 * What storage acknowledged, item by item, and what must therefore be there after a crash.
 * Writes in flight at the kill are settled by looking: before or after, never half.
 */
export class Ledger {
  /** Folders made before any kill and never moved or trashed: where the workload writes. */
  readonly homes = new Set<string>();
  readonly items = new Map<string, KnownItem>();
  inFlight: InFlight[] = [];
  /** Everything that broke the contract, as readable sentences. */
  readonly problems: string[] = [];
  #serial = 0;

  /**
   * A number never handed out before in this run, for new names. (Counting the known items
   * repeated names once items were destroyed, and a repeated name in the same folder is a 409.)
   */
  nextSerial(): number {
    return ++this.#serial;
  }

  isLive(id: string): boolean {
    if (this.homes.has(id)) return true;
    const item = this.items.get(id);
    return item !== undefined && item.state === 'live' && this.isLive(item.parentId);
  }

  /** Trashed itself or inside a trashed folder: what storage marks with `trashedAt`. */
  inTrash(item: KnownItem): boolean {
    if (item.state === 'trashed') return true;
    const parent = this.items.get(item.parentId);
    return parent !== undefined && this.inTrash(parent);
  }

  acknowledge(doc: FileDoc, expected?: { sha256: string; size: number }): void {
    if (expected && (doc.sha256 !== expected.sha256 || doc.size !== expected.size)) {
      this.problems.push(`upload ${doc.name} acknowledged with ${doc.size} bytes ${doc.sha256}, sent ${expected.size} ${expected.sha256}`);
    }
    this.items.set(doc.id, {
      id: doc.id,
      type: doc.type,
      name: doc.name,
      parentId: doc.parentId ?? '',
      state: 'live',
      sha256: doc.sha256,
      size: doc.size,
      unchecked: doc.type === 'file',
    });
  }

  overwritten(item: KnownItem, content: Content): void {
    item.sha256 = content.sha256;
    item.size = content.size;
    item.unchecked = true;
  }

  destroyed(id: string): void {
    for (const item of this.items.values()) {
      if (item.id === id || item.parentId === id) item.state = 'destroyed';
    }
  }

  /** Settles the writes cut by the kill against what storage shows after the restart. */
  settle(observed: Map<string, FileDoc>): number {
    let applied = 0;
    const byName = (parentId: string, name: string) =>
      [...observed.values()].find((doc) => doc.parentId === parentId && doc.name === name && !this.items.has(doc.id));
    for (const write of this.inFlight) {
      if (write.kind === 'upload' || write.kind === 'folder') {
        const doc = byName(write.parentId, write.name);
        if (!doc) continue;
        applied++;
        this.acknowledge(doc, write.kind === 'upload' ? write : undefined);
        continue;
      }
      const item = this.items.get(write.id);
      const doc = observed.get(write.id);
      if (!item) continue;
      if (write.kind === 'overwrite') {
        // Either content, whole: the bytes are compared again at the check.
        item.unchecked = true;
        if (doc?.sha256 === write.to.sha256 && doc.size === write.to.size) {
          applied++;
          this.overwritten(item, write.to);
        } else if (doc?.sha256 !== write.from.sha256) {
          this.problems.push(`overwrite of ${item.name} cut by the kill: ${doc?.size} bytes ${doc?.sha256}, neither before nor after`);
        }
        continue;
      }
      if (write.kind === 'destroy') {
        if (doc === undefined) {
          applied++;
          this.destroyed(write.id);
        } else {
          // Still there: so must all of its bytes be, not only its rows.
          for (const known of this.items.values()) {
            if (known.id === write.id || known.parentId === write.id) known.unchecked = known.type === 'file';
          }
        }
        continue;
      }
      const after = write.kind === 'move' ? write.to : TRASH_ID;
      if (doc?.parentId === after) {
        applied++;
        item.parentId = after;
        if (write.kind === 'trash') item.state = 'trashed';
      } else if (doc?.parentId !== write.from) {
        this.problems.push(`${write.kind} of ${item.name} cut by the kill: in ${doc?.parentId}, neither ${write.from} nor ${after}`);
      }
    }
    this.inFlight = [];
    return applied;
  }

  /** Compares storage with the ledger: every item, where it is, its size and hash, its bytes when new. */
  async check(api: StorageApi, observed: Map<string, FileDoc>): Promise<void> {
    for (const doc of observed.values()) {
      if (!this.homes.has(doc.id) && !this.items.has(doc.id)) {
        this.problems.push(`unexpected ${doc.type} « ${doc.name} » (${doc.size} bytes) in ${doc.parentId}`);
      }
    }
    for (const item of this.items.values()) {
      const doc = observed.get(item.id);
      if (item.state === 'destroyed') {
        if (doc) this.problems.push(`${item.name}, destroyed, is back in ${doc.parentId}`);
        continue;
      }
      if (!doc) {
        this.problems.push(`${item.type} ${item.name} (${item.state}) is missing`);
        continue;
      }
      if (doc.parentId !== item.parentId) this.problems.push(`${item.name} is in ${doc.parentId}, not ${item.parentId}`);
      if ((doc.trashedAt !== null) !== this.inTrash(item)) this.problems.push(`${item.name}: trashedAt ${doc.trashedAt}`);
      if (item.type !== 'file') continue;
      if (doc.size !== item.size || doc.sha256 !== item.sha256) {
        this.problems.push(`${item.name} lists ${doc.size} bytes ${doc.sha256}, acknowledged ${item.size} ${item.sha256}`);
      }
      if (!item.unchecked) continue;
      const content = await api.content(item.id).catch((error: Error) => error);
      if (content instanceof Error) {
        this.problems.push(`${item.name} cannot be downloaded: ${content.message}`);
      } else if (content.sha256 !== item.sha256 || content.size !== item.size) {
        this.problems.push(`${item.name} downloads as ${content.size} bytes ${content.sha256}, acknowledged ${item.size} ${item.sha256}`);
      }
      item.unchecked = false;
    }
  }
}
