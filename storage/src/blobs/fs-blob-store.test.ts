import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blobPath, instancePaths } from '../instances/instance-paths.ts';
import { FsBlobStore } from './fs-blob-store.ts';

describe(FsBlobStore.name, () => {
  let dataDir: string;
  let store: FsBlobStore;
  beforeAll(async () => {
    dataDir = await mkdtemp(`${tmpdir()}/mytoutatice-fs-blobs-`);
    store = new FsBlobStore(dataDir);
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('serves content stored before it existed, where the storage has always put it', async () => {
    const instance = randomUUID();
    const key = randomUUID();
    const path = blobPath(instancePaths(dataDir, instance), key);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, 'ancien contenu');
    const chunks: Buffer[] = [];
    for await (const chunk of await store.read(instance, key)) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe('ancien contenu');
    const keys: string[] = [];
    for await (const listed of store.keys(instance)) keys.push(listed);
    expect(keys).toEqual([key]);
  });

  it('writes at the same place, leaving tmp/ empty and the database beside it alone', async () => {
    const instance = randomUUID();
    const key = randomUUID();
    const paths = instancePaths(dataDir, instance);
    await mkdir(paths.root, { recursive: true });
    await writeFile(paths.database, 'base');
    await store.write(instance, key, Readable.from([Buffer.from('nouveau')]), 100, () => new Error('limit'));
    expect(await readFile(blobPath(paths, key), 'utf8')).toBe('nouveau');
    expect(await readdir(paths.tmp)).toEqual([]);
    await store.removeInstance(instance);
    expect(await readdir(paths.root)).toEqual(['meta.sqlite']);
  });

  it('adopts an upload on the same disk without copying it: the blob is the same file', async () => {
    const instance = randomUUID();
    const key = randomUUID();
    const upload = join(dataDir, 'instances', instance, 'uploads', 'u');
    await mkdir(dirname(upload), { recursive: true });
    await writeFile(upload, 'gros envoi');
    await store.adopt(instance, key, upload);
    const paths = instancePaths(dataDir, instance);
    expect((await stat(blobPath(paths, key))).ino).toBe((await stat(upload)).ino);
    expect(await readdir(paths.tmp)).toEqual([]);
  });
});
