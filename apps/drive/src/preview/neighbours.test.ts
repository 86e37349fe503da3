import { describe, expect, it } from 'vitest';
import { neighbours } from './neighbours.ts';

describe(neighbours.name, () => {
  const items = [
    { id: 'd', type: 'directory' },
    { id: 'a', type: 'file' },
    { id: 'b', type: 'file' },
  ] as const;
  it('goes from file to file, skipping folders, and stops at the ends', () => {
    expect(neighbours(items, 'a')).toEqual({ previous: undefined, next: items[2] });
    expect(neighbours(items, 'b')).toEqual({ previous: items[1], next: undefined });
    expect(neighbours(items, 'gone')).toEqual({});
  });
});
