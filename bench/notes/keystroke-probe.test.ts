import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCrowd, typeTogether } from './crowd.ts';
import { startDirect } from './direct.ts';
import { openPair, typeKeystrokes } from './keystroke-probe.ts';
import type { NoteTarget } from './note-target.ts';
import { seededRandom } from './seeded-random.ts';
import { until } from './waiting.ts';

let direct: NoteTarget;
beforeAll(async () => {
  direct = await startDirect();
});
afterAll(() => direct.stop());

describe(typeKeystrokes.name, () => {
  it('sees every keystroke of the typist arrive at the watcher, in order', async () => {
    const pair = await openPair(direct);
    try {
      const { latencies, lost } = await typeKeystrokes(pair, 30, 2);
      expect(latencies).toHaveLength(30);
      expect(lost).toBe(0);
      expect(pair.watcher.fragment.toString()).toBe(pair.typist.fragment.toString());
      expect(pair.text.toString()).toBe('abcdefghijklmnopqrstuvwxyzabcd');
    } finally {
      pair.close();
    }
  });
});

describe(typeTogether.name, () => {
  it('sees every editor’s keystrokes at the watcher, and every copy ends the same', async () => {
    const crowd = await openCrowd(direct, 4);
    try {
      const { latencies, lost } = await typeTogether(crowd, 0.5, 20, seededRandom(3));
      expect(latencies.length).toBeGreaterThan(4);
      expect(lost).toBe(0);
      const copies = [crowd.watcher, ...crowd.editors.map((e) => e.client)];
      await until(() => new Set(copies.map((client) => client.fragment.toString())).size === 1, 'the copies never converged');
    } finally {
      crowd.close();
    }
  });
});
