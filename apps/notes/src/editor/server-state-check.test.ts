import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { covers } from './server-state-check.ts';

describe(covers.name, () => {
  const typed = (doc: Y.Doc, text: string) => doc.getText('t').insert(0, text);

  it('holds when the server has every change of ours, and more', () => {
    const server = new Y.Doc();
    const mine = new Y.Doc();
    typed(mine, 'à moi');
    Y.applyUpdate(server, Y.encodeStateAsUpdate(mine));
    typed(server, 'autre ');
    expect(covers(Y.encodeStateVector(server), Y.encodeStateVector(mine))).toBe(true);
  });

  it('fails when a change of ours never reached the server', () => {
    const server = new Y.Doc();
    const mine = new Y.Doc();
    typed(mine, 'envoyé');
    Y.applyUpdate(server, Y.encodeStateAsUpdate(mine));
    typed(mine, 'perdu ');
    expect(covers(Y.encodeStateVector(server), Y.encodeStateVector(mine))).toBe(false);
  });
});
