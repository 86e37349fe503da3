import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDirect } from './direct.ts';
import type { NoteTarget } from './note-target.ts';
import { holdNote, timeFirstSync } from './note-sync.ts';

let direct: NoteTarget;
beforeAll(async () => {
  direct = await startDirect();
});
afterAll(() => direct.stop());

describe(timeFirstSync.name, () => {
  it('opens a note made from Markdown with every block in, on a server that keeps nothing itself', async () => {
    const held = await holdNote(direct, '# Titre\n\nUn paragraphe.\n\n- un\n- deux\n\n| a | b |\n|---|---|\n| 1 | 2 |\n');
    try {
      expect(held.blocks).toBe(4);
      const { stateBytes } = await timeFirstSync(held);
      expect(stateBytes).toBeGreaterThan(0);
    } finally {
      held.close();
    }
  });
});
