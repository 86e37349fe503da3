import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { EditLatency } from './edit-latency.ts';

/** Two copies of one document; what the first makes reaches the second only when `deliver` runs. */
function linkedDocs() {
  const typist = new Y.Doc();
  const watcher = new Y.Doc();
  const outbox: Uint8Array[] = [];
  typist.on('update', (update: Uint8Array) => outbox.push(update));
  return {
    typist,
    watcher,
    deliver(merge = false) {
      const updates = outbox.splice(0);
      for (const update of merge ? [Y.mergeUpdates(updates)] : updates) Y.applyUpdate(watcher, update);
    },
  };
}

describe(EditLatency.name, () => {
  it('counts each keystroke once when it reaches the watcher', async () => {
    const { typist, watcher, deliver } = linkedDocs();
    const latency = new EditLatency();
    latency.watch(watcher);
    const text = typist.getText('t');
    for (const letter of 'abc') latency.type(typist, () => text.insert(text.length, letter));
    expect(latency.pending).toBe(3);
    deliver();
    deliver();
    const { latencies, lost } = await latency.settle(0);
    expect(latencies).toHaveLength(3);
    expect(lost).toBe(0);
  });

  it('still tells keystrokes apart when the server merges their updates into one', async () => {
    const { typist, watcher, deliver } = linkedDocs();
    const latency = new EditLatency();
    latency.watch(watcher);
    const text = typist.getText('t');
    for (const letter of 'abcdef') latency.type(typist, () => text.insert(0, letter));
    deliver(true);
    expect((await latency.settle(0)).latencies).toHaveLength(6);
  });

  it('reports as lost the keystrokes that never arrived, and ignores edits it did not record', async () => {
    const { typist, watcher, deliver } = linkedDocs();
    const latency = new EditLatency();
    latency.watch(watcher);
    const text = typist.getText('t');
    text.insert(0, 'not timed');
    deliver();
    latency.type(typist, () => text.insert(0, 'x'));
    expect(await latency.settle(0)).toEqual({ latencies: [], lost: 1 });
  });

  it('stops counting once unwatched', async () => {
    const { typist, watcher, deliver } = linkedDocs();
    const latency = new EditLatency();
    const unwatch = latency.watch(watcher);
    unwatch();
    latency.type(typist, () => typist.getText('t').insert(0, 'x'));
    deliver();
    expect((await latency.settle(0)).lost).toBe(1);
  });
});
