import { describe, expect, it } from 'vitest';
import { notePath, viewFromPath } from './routes.ts';

describe(viewFromPath.name, () => {
  it('opens the list at /notes, with or without a trailing slash', () => {
    expect(viewFromPath('/notes')).toEqual({ kind: 'list' });
    expect(viewFromPath('/notes/')).toEqual({ kind: 'list' });
  });

  it('opens a note of one’s own space, and one received through a sharing', () => {
    expect(viewFromPath('/notes/n%201')).toEqual({ kind: 'note', id: 'n 1', sharingId: null });
    expect(viewFromPath('/notes/partages/S1/n1')).toEqual({ kind: 'note', id: 'n1', sharingId: 'S1' });
  });

  it('falls back to the list for a sharing without a note', () => {
    expect(viewFromPath('/notes/partages/S1')).toEqual({ kind: 'list' });
  });

  it('reads back every address notePath makes', () => {
    for (const [id, sharingId] of [['n/1', null], ['é è', 'S 2']] as const) {
      expect(viewFromPath(notePath(id, sharingId))).toEqual({ kind: 'note', id, sharingId });
    }
  });
});
