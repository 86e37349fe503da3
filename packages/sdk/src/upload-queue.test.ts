import type { FileDoc, FolderListing } from '@mytoutatice/contract';
import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error.ts';
import type { FilesResource, UploadOptions } from './files.ts';
import { createUploadQueue } from './upload-queue.ts';
import type { QueueItem } from './upload-queue.ts';

const doc = (id: string, name: string, parentId: string, type: 'file' | 'directory' = 'file'): FileDoc => ({
  id,
  type,
  name,
  parentId,
  size: type === 'file' ? 1 : null,
  mime: null,
  sha256: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  uploadedAt: null,
  trashedAt: null,
  favorite: false,
  createdBy: null,
  tags: [],
  metadata: {},
});

/** A storage in memory whose uploads finish only when the test says so. */
function fakeFiles() {
  const made: string[] = [];
  const pending = new Map<string, { finish: () => void; fail: (e: unknown) => void; options: UploadOptions }>();
  const existing: FileDoc[] = [];
  const discarded: string[] = [];
  let ids = 0;
  const files: Pick<FilesResource, 'upload' | 'createFolder' | 'children' | 'discardUpload'> = {
    async discardUpload(parentId, file) {
      discarded.push(`${parentId}/${file.name}`);
    },
    async createFolder(parentId, name) {
      if (existing.some((d) => d.parentId === parentId && d.name === name)) {
        throw new ApiError({ status: 409, code: 'name_conflict', title: 'Conflit' });
      }
      made.push(`${parentId}/${name}`);
      const folder = doc(`d${++ids}`, name, parentId, 'directory');
      existing.push(folder);
      return folder;
    },
    async children(parentId): Promise<FolderListing> {
      return { folder: doc(parentId, '', ''), items: existing.filter((d) => d.parentId === parentId), next: null };
    },
    upload(parentId, file, options = {}) {
      return new Promise<FileDoc>((resolve, reject) => {
        const stop = () => reject(new DOMException('stopped', 'AbortError'));
        options.signal?.addEventListener('abort', stop);
        options.pauseSignal?.addEventListener('abort', stop);
        pending.set(`${parentId}/${file.name}`, {
          finish: () => resolve(doc(`f${++ids}`, file.name, parentId)),
          fail: reject,
          options,
        });
      });
    },
  };
  return { files, made, pending, existing, discarded };
}

const file = (name: string) => new File(['x'], name);
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

function queueOn(fake: ReturnType<typeof fakeFiles>, concurrency = 2) {
  let items: readonly QueueItem[] = [];
  const queue = createUploadQueue(fake.files, { concurrency, onChange: (list) => (items = list) });
  const status = () => Object.fromEntries(items.map((i) => [i.path, i.status]));
  return { queue, status, items: () => items };
}

describe(createUploadQueue.name, () => {
  it('uploads no more files at once than its concurrency, then the next ones', async () => {
    const fake = fakeFiles();
    const { queue, status } = queueOn(fake);
    queue.add(['a', 'b', 'c'].map((name) => ({ file: file(name), parentId: 'root' })));
    await tick();
    expect(status()).toEqual({ a: 'uploading', b: 'uploading', c: 'queued' });
    fake.pending.get('root/a')?.finish();
    await tick();
    expect(status()).toEqual({ a: 'done', b: 'uploading', c: 'uploading' });
  });

  it('makes each folder of a dropped tree once, parents first, and reuses one that exists', async () => {
    const fake = fakeFiles();
    fake.existing.push(doc('cours', 'Cours', 'root', 'directory'));
    const { queue } = queueOn(fake, 5);
    queue.add([
      { file: file('1.pdf'), parentId: 'root', folders: ['Cours', 'Maths'] },
      { file: file('2.pdf'), parentId: 'root', folders: ['Cours', 'Maths'] },
      { file: file('3.pdf'), parentId: 'root', folders: ['Cours', 'Maths', 'Géométrie'] },
    ]);
    await tick();
    await tick();
    expect(fake.made).toEqual(['cours/Maths', 'd1/Géométrie']);
    expect([...fake.pending.keys()].sort()).toEqual(['d1/1.pdf', 'd1/2.pdf', 'd2/3.pdf']);
  });

  it('pauses one file (keeping what a resumable upload sent) and resumes it', async () => {
    const fake = fakeFiles();
    const { queue, status, items } = queueOn(fake);
    queue.add([{ file: file('a'), parentId: 'root' }]);
    await tick();
    const key = items()[0]?.key as string;
    queue.pause(key);
    await tick();
    expect(status()).toEqual({ a: 'paused' });
    expect(fake.pending.get('root/a')?.options.pauseSignal?.aborted).toBe(true);
    expect(fake.pending.get('root/a')?.options.signal?.aborted).toBe(false);
    queue.resume(key);
    await tick();
    expect(status()).toEqual({ a: 'uploading' });
    fake.pending.get('root/a')?.finish();
    await tick();
    expect(status()).toEqual({ a: 'done' });
    expect(fake.discarded).toEqual([]);
  });

  it('discards on the server what a paused file sent, when it is cancelled', async () => {
    const fake = fakeFiles();
    const { queue, status } = queueOn(fake);
    queue.add([{ file: file('a'), parentId: 'root' }]);
    await tick();
    queue.pause();
    await tick();
    queue.cancel();
    await tick();
    expect(status()).toEqual({ a: 'cancelled' });
    expect(fake.discarded).toEqual(['root/a']);
  });

  it('keeps going after a failure, and retries the failed file on demand', async () => {
    const fake = fakeFiles();
    const { queue, status, items } = queueOn(fake);
    queue.add([{ file: file('a'), parentId: 'root' }, { file: file('b'), parentId: 'root' }]);
    await tick();
    fake.pending.get('root/a')?.fail(new ApiError({ status: 413, code: 'quota_exceeded', title: 'Plein' }));
    fake.pending.get('root/b')?.finish();
    await tick();
    expect(status()).toEqual({ a: 'failed', b: 'done' });
    expect(items()[0]?.error?.code).toBe('quota_exceeded');
    queue.retry();
    await tick();
    expect(status()).toEqual({ a: 'uploading', b: 'done' });
  });

  it('cancels everything still to do, and clears what is finished', async () => {
    const fake = fakeFiles();
    const { queue, status } = queueOn(fake, 1);
    queue.add([{ file: file('a'), parentId: 'root' }, { file: file('b'), parentId: 'root' }]);
    await tick();
    queue.cancel();
    await tick();
    expect(status()).toEqual({ a: 'cancelled', b: 'cancelled' });
    expect(fake.pending.get('root/a')?.options.signal?.aborted).toBe(true);
    queue.clear();
    expect(queue.items()).toEqual([]);
  });
});
