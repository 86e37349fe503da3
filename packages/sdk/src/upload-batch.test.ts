import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error.ts';
import type { FilesResource } from './files.ts';
import { uploadBatch } from './upload-batch.ts';
import type { UploadItem } from './upload-batch.ts';

const named = (name: string, text: string) => Object.assign(new Blob([text]), { name });

function fakeFiles(upload: FilesResource['upload']): Pick<FilesResource, 'upload'> {
  return { upload };
}

describe(uploadBatch.name, () => {
  it('uploads each file in turn; one failure does not stop the others', async () => {
    const files = fakeFiles(async (_parent, file, options) => {
      options?.onProgress?.(1, file.size);
      if (file.name === 'b.txt') throw new ApiError({ status: 409, code: 'name_conflict', title: 'Nom pris' });
      return { id: file.name } as never;
    });
    const updates: UploadItem[] = [];
    const items = await uploadBatch(files, 'root', [named('a.txt', 'aa'), named('b.txt', 'bb'), named('c.txt', 'cc')], {
      onUpdate: (item) => updates.push(item),
    });
    expect(items.map((i) => [i.name, i.status, i.loaded])).toEqual([
      ['a.txt', 'done', 2],
      ['b.txt', 'failed', 1],
      ['c.txt', 'done', 2],
    ]);
    expect(items[1]?.error?.code).toBe('name_conflict');
    expect(updates.slice(0, 3).map((u) => u.status)).toEqual(['queued', 'queued', 'queued']);
  });

  it('marks the rest cancelled once aborted', async () => {
    const controller = new AbortController();
    const files = fakeFiles(async () => {
      controller.abort();
      throw new DOMException('aborted', 'AbortError');
    });
    const items = await uploadBatch(files, 'root', [named('a', 'a'), named('b', 'b')], { signal: controller.signal });
    expect(items.map((i) => i.status)).toEqual(['cancelled', 'cancelled']);
  });
});
