import { createHash, randomBytes } from 'node:crypto';
import { FileDoc } from '@mytoutatice/contract';
import { digestOf } from '../harness/storage-harness.ts';
import type { InFlight, KnownItem, Ledger } from './ledger.ts';
import type { Answer, StorageApi } from './storage-api.ts';

const MAX_UPLOAD_BYTES = 3 * 1024 ** 2;

const json = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

const pick = <T>(values: readonly T[]): T | undefined => values[Math.floor(Math.random() * values.length)];

export interface WorkloadCounts {
  acknowledged: number;
  cut: number;
}

/**
 * Workers writing at random until `stop()`: uploads, overwrites, new folders, moves, trashing,
 * destroying.
 * Two writes in flight never touch the same item or folder, so each acknowledged answer says
 * exactly what storage holds; the ledger records it, or the write as cut when the answer never
 * came.
 */
export function startWorkload(api: StorageApi, ledger: Ledger, workers: number) {
  const busy = new Set<string>();
  const counts: WorkloadCounts = { acknowledged: 0, cut: 0 };
  let stopped = false;

  const free = (id: string) => ledger.homes.has(id) || !busy.has(id);
  const liveFolders = () => [
    ...ledger.homes,
    ...[...ledger.items.values()].filter((item) => item.type === 'directory' && ledger.isLive(item.id)).map((item) => item.id),
  ];

  /** Runs one write holding `ids`; true when acknowledged with `status`. */
  async function write(
    ids: string[],
    cut: InFlight,
    status: number,
    request: () => Promise<Answer | undefined>,
  ): Promise<Answer | undefined> {
    for (const id of ids) busy.add(id);
    try {
      const answer = await request();
      if (answer === undefined) {
        if (!stopped) ledger.problems.push(`${cut.kind}: connection broken before any kill`);
        ledger.inFlight.push(cut);
        counts.cut++;
        return undefined;
      }
      if (answer.status !== status) {
        ledger.problems.push(`${cut.kind} ${JSON.stringify(cut)}: ${answer.status} ${JSON.stringify(answer.body)}`);
        return undefined;
      }
      counts.acknowledged++;
      return answer;
    } finally {
      for (const id of ids) busy.delete(id);
    }
  }

  async function upload(): Promise<void> {
    const parentId = pick(liveFolders().filter(free));
    if (parentId === undefined) return;
    const bytes = randomBytes(Math.floor(MAX_UPLOAD_BYTES * Math.random() ** 5));
    const name = `u-${ledger.nextSerial()}.bin`;
    const sent = { sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.byteLength };
    const headers = { 'content-digest': digestOf(bytes) };
    const answer = await write([parentId], { kind: 'upload', parentId, name, ...sent }, 201, () =>
      api.send(`/files/${parentId}/files?name=${name}`, { method: 'POST', body: bytes, headers }),
    );
    if (answer) ledger.acknowledge(FileDoc.parse(answer.body), sent);
  }

  async function folder(): Promise<void> {
    const parentId = pick([...ledger.homes]) ?? '';
    const name = `d-${ledger.nextSerial()}`;
    const answer = await write([], { kind: 'folder', parentId, name }, 201, () =>
      api.send(`/files/${parentId}/folders`, json('POST', { name })),
    );
    if (answer) ledger.acknowledge(FileDoc.parse(answer.body));
  }

  const movable = () => [...ledger.items.values()].filter((item) => ledger.isLive(item.id) && free(item.id) && free(item.parentId));

  async function move(): Promise<void> {
    const item = pick(movable());
    if (!item) return upload();
    // Folders stay one level under a home, holding files only: a move never builds a cycle.
    const targets = (item.type === 'directory' ? [...ledger.homes] : liveFolders()).filter((id) => id !== item.parentId && free(id));
    const to = pick(targets);
    if (to === undefined) return upload();
    const from = item.parentId;
    const answer = await write([item.id, from, to], { kind: 'move', id: item.id, from, to }, 200, () =>
      api.send(`/files/${item.id}`, json('PATCH', { parentId: to })),
    );
    if (answer) item.parentId = to;
  }

  async function trash(): Promise<void> {
    const item = pick(movable());
    if (!item) return upload();
    const from = item.parentId;
    const answer = await write([item.id, from], { kind: 'trash', id: item.id, from }, 200, () =>
      api.send(`/files/${item.id}`, { method: 'DELETE' }),
    );
    if (!answer) return;
    item.parentId = 'trash';
    item.state = 'trashed';
  }

  /** A new content for a live file, from the content the ledger knows (`If-Match`). */
  async function overwrite(): Promise<void> {
    const item = pick(movable().filter((known) => known.type === 'file'));
    if (!item?.sha256 || item.size === null) return upload();
    const bytes = randomBytes(Math.floor(MAX_UPLOAD_BYTES * Math.random() ** 5));
    const from = { sha256: item.sha256, size: item.size };
    const to = { sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.byteLength };
    const headers = { 'content-digest': digestOf(bytes), 'if-match': `"${item.sha256}"` };
    // Its folder too: trashed meanwhile, it would make the overwrite a 409 `in_trash`.
    const answer = await write([item.id, item.parentId], { kind: 'overwrite', id: item.id, from, to }, 200, () =>
      api.send(`/files/${item.id}/content`, { method: 'PUT', body: bytes, headers }),
    );
    if (answer) ledger.overwritten(item, to);
  }

  async function destroy(): Promise<void> {
    const item: KnownItem | undefined = pick([...ledger.items.values()].filter((known) => known.state === 'trashed' && free(known.id)));
    if (!item) return upload();
    const answer = await write([item.id], { kind: 'destroy', id: item.id }, 204, () =>
      api.send(`/files/${item.id}?forever=true`, { method: 'DELETE' }),
    );
    if (answer) ledger.destroyed(item.id);
  }

  const writes = [upload, upload, upload, upload, folder, move, move, trash, trash, destroy, overwrite, overwrite];
  async function worker(): Promise<void> {
    while (!stopped) await (pick(writes) ?? upload)();
  }
  const running = Promise.all(Array.from({ length: workers }, worker));

  return {
    counts,
    /** Stops issuing writes; `done` resolves when those in flight have answered or broken. */
    stop() {
      stopped = true;
    },
    done: running,
  };
}
