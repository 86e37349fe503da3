import { describe, expect, it } from 'vitest';
import { keepShown, keyTarget, moveTo, noSelection, pick, selectAll } from './selection.ts';

const order = ['a', 'b', 'c', 'd', 'e'];
const ids = (s: { ids: ReadonlySet<string> }) => [...s.ids].sort();

describe(pick.name, () => {
  it('selects one item on a plain click, replacing what was selected', () => {
    const one = pick(noSelection, order, 1);
    expect(ids(pick(one, order, 3))).toEqual(['d']);
  });

  it('adds and removes with ctrl/cmd, and selects a range with shift from the last item clicked', () => {
    let s = pick(noSelection, order, 1);
    s = pick(s, order, 3, { toggle: true });
    expect(ids(s)).toEqual(['b', 'd']);
    s = pick(s, order, 1, { toggle: true });
    expect(ids(s)).toEqual(['d']);
    // The anchor is the last item ctrl-clicked (b), whether it was added or removed.
    s = pick(s, order, 0, { range: true });
    expect(ids(s)).toEqual(['a', 'b']);
    s = pick(s, order, 4, { range: true });
    expect(ids(s)).toEqual(['b', 'c', 'd', 'e']);
  });

  it('keeps the rest on ctrl+shift', () => {
    let s = pick(noSelection, order, 0);
    s = pick(s, order, 3, { toggle: true });
    s = pick(s, order, 4, { range: true, toggle: true });
    expect(ids(s)).toEqual(['a', 'd', 'e']);
  });
});

describe(moveTo.name, () => {
  it('selects the item reached, extends with shift, and only moves the focus with ctrl', () => {
    let s = moveTo(noSelection, order, 2);
    expect(ids(s)).toEqual(['c']);
    s = moveTo(s, order, 4, { range: true });
    expect(ids(s)).toEqual(['c', 'd', 'e']);
    s = moveTo(s, order, 0, { toggle: true });
    expect(s.focus).toBe(0);
    expect(ids(s)).toEqual(['c', 'd', 'e']);
    expect(moveTo(s, order, 99).focus).toBe(4);
  });
});

describe(selectAll.name, () => {
  it('selects every item shown', () => {
    expect(ids(selectAll(order, noSelection))).toEqual(order);
  });
});

describe(keepShown.name, () => {
  it('drops items that left the list and keeps the focus inside it', () => {
    const s = keepShown({ ids: new Set(['d', 'e']), anchor: 3, focus: 4 }, ['a', 'b', 'd']);
    expect(ids(s)).toEqual(['d']);
    expect(s.focus).toBe(2);
  });
});

describe(keyTarget.name, () => {
  it('moves by one line in a list, by a row of cards in a grid, and stops at the ends', () => {
    expect(keyTarget('ArrowDown', 0, 5, 1)).toBe(1);
    expect(keyTarget('ArrowRight', 0, 5, 1)).toBeNull();
    expect(keyTarget('ArrowDown', 1, 10, 4)).toBe(5);
    expect(keyTarget('ArrowLeft', 1, 10, 4)).toBe(0);
    expect(keyTarget('ArrowUp', 0, 10, 4)).toBe(0);
    expect(keyTarget('End', 0, 10, 4)).toBe(9);
    expect(keyTarget('x', 0, 10, 4)).toBeNull();
  });
});
