import { describe, expect, it } from 'vitest';
import { formatBytes, formatDate, formatUpdated } from './format.ts';

describe(formatBytes.name, () => {
  it('uses French units and decimal commas by default', () => {
    expect(formatBytes(0)).toBe('0\u00a0o');
    expect(formatBytes(999)).toBe('999\u00a0o');
    expect(formatBytes(10_080)).toBe('10,08\u00a0ko');
    expect(formatBytes(33_110_000)).toBe('33,11\u00a0Mo');
    expect(formatBytes(1_500_000_000, 'fr')).toBe('1,5\u00a0Go');
  });

  it('uses English units in English', () => {
    expect(formatBytes(512, 'en')).toBe('512\u00a0B');
    expect(formatBytes(10_080, 'en')).toBe('10.08\u00a0kB');
    expect(formatBytes(33_110_000, 'en-GB')).toBe('33.11\u00a0MB');
  });

  it('keeps the number and its unit together with a no-break space', () => {
    expect(formatBytes(5_370_000_000)).toMatch(/^5,37\u00a0Go$/);
  });

  it('moves to the next unit rather than showing 1000', () => {
    expect(formatBytes(999_999)).toBe('1\u00a0Mo');
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

describe(formatUpdated.name, () => {
  const now = new Date('2026-12-07T12:00:00');

  it('gives the day, month and time of a change this year, as the seed’s list does', () => {
    expect(formatUpdated(new Date('2026-06-08T14:26:00').toISOString(), 'fr', now)).toBe('08 juin à 14:26');
  });

  it('gives the full date of an older change, and an unreadable one as is', () => {
    expect(formatUpdated(new Date('2025-11-28T09:00:00').toISOString(), 'fr', now)).toBe('28 nov. 2025');
    expect(formatUpdated('hier', 'fr', now)).toBe('hier');
  });
});
