import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROOT_ID } from '@mytoutatice/contract';
import { seedFiles } from './seed-files.ts';
import { startStorage, type StorageHarness } from './storage-harness.ts';

describe(seedFiles.name, () => {
  let storage: StorageHarness;
  beforeEach(async () => {
    // Contents on disk whatever the run: the seeding writes them there, for benchmarks.
    storage = await startStorage({ blobs: undefined });
  });
  afterEach(async () => {
    await storage.close();
  });

  it('puts files the API lists and serves, on whichever metadata backend the storage runs', async () => {
    const instance = await storage.createInstance();
    const files = ['b.txt', 'a.txt', 'c.txt'].map((name) => ({ name, content: Buffer.from(`contenu de ${name}`) }));
    await seedFiles(storage.config.dataDir, instance.id, ROOT_ID, files, { metadata: storage.config.metadata, batchSize: 2 });

    const listing = (await (await storage.call(instance.token, `/files/${ROOT_ID}/children`)).json()) as { items: { id: string; name: string }[] };
    expect(listing.items.map((item) => item.name)).toEqual(['a.txt', 'b.txt', 'c.txt']);
    const first = listing.items[0];
    const content = await storage.call(instance.token, `/files/${first?.id}/content`);
    expect(await content.text()).toBe('contenu de a.txt');
  });
});
