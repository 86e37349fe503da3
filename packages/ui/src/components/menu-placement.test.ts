import { describe, expect, it } from 'vitest';
import { placeMenu } from './menu-placement.ts';

describe(placeMenu.name, () => {
  const menu = 200;
  it('opens below when the menu fits there', () => {
    expect(placeMenu({ top: 100, bottom: 132 }, menu, 800)).toEqual({ up: false, maxHeight: 656 });
  });

  it('opens upward near the bottom of the window, where it would be cut', () => {
    expect(placeMenu({ top: 700, bottom: 732 }, menu, 800)).toEqual({ up: true, maxHeight: 688 });
  });

  it('stays below and scrolls when neither side holds it and below has more room', () => {
    expect(placeMenu({ top: 100, bottom: 132 }, menu, 300)).toEqual({ up: false, maxHeight: 156 });
    expect(placeMenu({ top: 150, bottom: 182 }, menu, 300)).toEqual({ up: true, maxHeight: 138 });
  });
});
