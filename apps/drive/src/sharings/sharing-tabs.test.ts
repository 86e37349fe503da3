import { describe, expect, it } from 'vitest';
import { tabAfter } from './sharing-tabs.ts';

describe(tabAfter.name, () => {
  it('moves between « Reçus » and « Envoyés » with the arrows, round, and to the ends', () => {
    expect(tabAfter('received', 'ArrowRight')).toBe('sent');
    expect(tabAfter('sent', 'ArrowRight')).toBe('received');
    expect(tabAfter('received', 'ArrowLeft')).toBe('sent');
    expect(tabAfter('sent', 'Home')).toBe('received');
    expect(tabAfter('received', 'End')).toBe('sent');
    expect(tabAfter('received', 'Enter')).toBeNull();
  });
});
