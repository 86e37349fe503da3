import type { FileDoc } from '@mytoutatice/contract';
import { isApiError } from './api-error.ts';
import type { ApiError } from './api-error.ts';
import type { ConflictPolicy, FilesResource, UploadInput } from './files.ts';
import { asApiError } from './upload-batch.ts';
import type { UploadStatus } from './upload-batch.ts';

export type QueueStatus = UploadStatus | 'paused';

/** A file to upload, with the folders (created as needed, names kept) it goes in below `parentId`. */
export type QueueInput = {
  readonly file: UploadInput;
  readonly parentId: string;
  /** e.g. `['Cours', 'Maths']` for `Cours/Maths/<file>` dropped as a folder; empty for a file. */
  readonly folders?: readonly string[];
};

export type QueueItem = {
  /** Unique in the page, stable for the item's life (a React key). */
  readonly key: string;
  readonly name: string;
  /** `Cours/Maths/exercice.pdf` for a file of a dropped folder, else its name. */
  readonly path: string;
  readonly parentId: string;
  readonly size: number;
  readonly loaded: number;
  readonly status: QueueStatus;
  readonly file?: FileDoc;
  readonly error?: ApiError;
};

type Files = Pick<FilesResource, 'upload' | 'createFolder' | 'children' | 'discardUpload'>;

export type UploadQueueOptions = {
  /** How many files go at once. */
  concurrency?: number;
  conflict?: ConflictPolicy;
  /** The whole list after each change (a new array each time). */
  onChange?: (items: readonly QueueItem[]) => void;
  /** A file uploaded, or a folder made on the way: their folders' listings changed. */
  onCreated?: (doc: FileDoc) => void;
};

export type UploadQueue = {
  add(inputs: readonly QueueInput[]): void;
  /** Each of these takes one item's key, or acts on every item it applies to. */
  pause(key?: string): void;
  resume(key?: string): void;
  cancel(key?: string): void;
  retry(key?: string): void;
  /** Forgets the finished items (done, failed, cancelled). */
  clear(): void;
  items(): readonly QueueItem[];
};

type Entry = { item: QueueItem; input: QueueInput; run?: { cancel: AbortController; pause: AbortController } };

let queues = 0;

/**
 * Uploads many files, `concurrency` at a time, each one pausable, resumable, cancellable and
 * retried on demand; a failed file does not stop the others. The folders of dropped trees are
 * made once each, parents first, and an existing folder of the same name is reused.
 */
export function createUploadQueue(
  files: Files,
  { concurrency = 3, conflict = 'rename', onChange, onCreated }: UploadQueueOptions = {},
): UploadQueue {
  const queue = ++queues;
  let added = 0;
  let entries: Entry[] = [];
  const folderIds = new Map<string, Promise<string>>();

  const notify = () => onChange?.(entries.map((e) => e.item));
  const set = (entry: Entry, change: Partial<QueueItem>) => {
    entry.item = { ...entry.item, ...change };
    notify();
  };
  const running = () => entries.filter((e) => e.run !== undefined).length;

  function pump() {
    // Counted once per pump, not per entry walked: a dropped tree may hold thousands.
    let active = running();
    for (const entry of entries) {
      if (active >= concurrency) return;
      if (entry.item.status === 'queued' && !entry.run) {
        void start(entry);
        active += 1;
      }
    }
  }

  async function start(entry: Entry) {
    const run = { cancel: new AbortController(), pause: new AbortController() };
    entry.run = run;
    set(entry, { status: 'uploading', error: undefined });
    try {
      const parentId = await folderFor(entry.input.parentId, entry.input.folders ?? []);
      const file = await files.upload(parentId, entry.input.file, {
        conflict,
        signal: run.cancel.signal,
        pauseSignal: run.pause.signal,
        onProgress: (loaded) => set(entry, { loaded }),
      });
      set(entry, { status: 'done', loaded: entry.item.size, file });
      onCreated?.(file);
    } catch (error) {
      if (run.cancel.signal.aborted) set(entry, { status: 'cancelled' });
      else if (run.pause.signal.aborted) set(entry, { status: 'paused' });
      else set(entry, { status: 'failed', error: asApiError(error) });
    } finally {
      entry.run = undefined;
      pump();
    }
  }

  /** The id of `folders` below `parentId`, made if missing; one request per folder for the whole queue. */
  function folderFor(parentId: string, folders: readonly string[]): Promise<string> {
    if (folders.length === 0) return Promise.resolve(parentId);
    const key = [parentId, ...folders].join('/');
    let id = folderIds.get(key);
    if (!id) {
      id = folderFor(parentId, folders.slice(0, -1)).then((parent) => ensureFolder(parent, folders.at(-1) as string));
      // A failure is not remembered: a retry makes the folder again.
      id.catch(() => folderIds.delete(key));
      folderIds.set(key, id);
    }
    return id;
  }

  async function ensureFolder(parentId: string, name: string): Promise<string> {
    try {
      const folder = await files.createFolder(parentId, name);
      onCreated?.(folder);
      return folder.id;
    } catch (error) {
      if (!isApiError(error) || error.code !== 'name_conflict') throw error;
      const existing = await findChild(parentId, name);
      if (existing?.type !== 'directory') throw error;
      return existing.id;
    }
  }

  async function findChild(parentId: string, name: string): Promise<FileDoc | undefined> {
    let cursor: string | undefined;
    do {
      const page = await files.children(parentId, { cursor });
      const found = page.items.find((item) => item.name === name);
      if (found) return found;
      cursor = page.next ?? undefined;
    } while (cursor);
    return undefined;
  }

  const chosen = (key: string | undefined, statuses: readonly QueueStatus[]) =>
    entries.filter((e) => (key === undefined || e.item.key === key) && statuses.includes(e.item.status));

  return {
    add(inputs) {
      const fresh = inputs.map((input): Entry => {
        const name = input.file.name;
        return {
          input,
          item: {
            key: `queue-${queue}-${++added}`,
            name,
            path: [...(input.folders ?? []), name].join('/'),
            parentId: input.parentId,
            size: input.file.size,
            loaded: 0,
            status: 'queued',
          },
        };
      });
      entries = [...entries, ...fresh];
      notify();
      pump();
    },
    pause(key) {
      for (const entry of chosen(key, ['queued', 'uploading'])) {
        if (entry.run) entry.run.pause.abort();
        else set(entry, { status: 'paused' });
      }
    },
    resume(key) {
      for (const entry of chosen(key, ['paused'])) set(entry, { status: 'queued' });
      pump();
    },
    cancel(key) {
      for (const entry of chosen(key, ['queued', 'uploading', 'paused'])) {
        if (entry.run) {
          entry.run.cancel.abort();
          continue;
        }
        // What a paused upload left on the server goes too (its folders were made when it started).
        if (entry.item.status === 'paused') {
          void folderFor(entry.input.parentId, entry.input.folders ?? [])
            .then((parentId) => files.discardUpload(parentId, entry.input.file, { conflict }))
            .catch(() => undefined);
        }
        set(entry, { status: 'cancelled' });
      }
    },
    retry(key) {
      for (const entry of chosen(key, ['failed', 'cancelled'])) set(entry, { status: 'queued', loaded: 0, error: undefined });
      pump();
    },
    clear() {
      entries = entries.filter((e) => !['done', 'failed', 'cancelled'].includes(e.item.status));
      notify();
    },
    items: () => entries.map((e) => e.item),
  };
}
