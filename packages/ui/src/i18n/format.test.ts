import { describe, expect, it } from 'vitest';
import { formatBytes, formatDate } from './format.ts';

describe(formatBytes.name, () => {
  it('uses French units and decimal commas by default', () => {
    expect(formatBytes(0)).toBe('0 o');
    expect(formatBytes(999)).toBe('999 o');
    expect(formatBytes(10_080)).toBe('10,08 ko');
    expect(formatBytes(33_110_000)).toBe('33,11 Mo');
    expect(formatBytes(1_500_000_000, 'fr')).toBe('1,5 Go');
  });

  it('uses English units in English', () => {
    expect(formatBytes(512, 'en')).toBe('512 B');
    expect(formatBytes(10_080, 'en')).toBe('10.08 kB');
    expect(formatBytes(33_110_000, 'en-GB')).toBe('33.11 MB');
  });

  it('moves to the next unit rather than showing 1000', () => {
    expect(formatBytes(999_999)).toBe('1 Mo');
  });
});

describe(formatDate.name, () => {
  it('formats in the locale, and returns an unreadable date as is', () => {
    const utc = { dateStyle: 'long', timeZone: 'UTC' } as const;
    expect(formatDate('2026-03-05T10:00:00Z', 'fr', utc)).toBe('5 mars 2026');
    expect(formatDate('2026-03-05T10:00:00Z', 'en', utc)).toBe('March 5, 2026');
    expect(formatDate('hier', 'fr')).toBe('hier');
  });
});
