import { describe, expect, it } from 'vitest';
import { versionsToThin, type AgedVersion } from './thinning.ts';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const NOW = Date.parse('2026-06-01T12:00:00Z');

/** Versions written `ago` ms before NOW, named by their age. */
const aged = (...agos: number[]): AgedVersion[] => agos.map((ago) => ({ id: `-${ago}`, writtenAt: NOW - ago }));
const kept = (versions: AgedVersion[]) => {
  const dropped = new Set(versionsToThin(versions, NOW));
  return versions.filter((v) => !dropped.has(v.id)).map((v) => NOW - v.writtenAt);
};
const range = (count: number, every: number, from = 0) => Array.from({ length: count }, (_, i) => from + i * every);

describe(versionsToThin.name, () => {
  it('keeps one version per 2 s for the first 10 s', () => {
    expect(kept(aged(...range(10, SECOND, SECOND)))).toEqual([1, 3, 5, 7, 9].map((s) => s * SECOND));
  });

  it('keeps one per 10 s up to a minute, as Nextcloud does', () => {
    expect(kept(aged(...range(30, 2 * SECOND, 12 * SECOND)))).toEqual([12, 22, 32, 42, 52, 62].map((s) => s * SECOND));
  });

  it('keeps one per minute for the first hour', () => {
    const everyTenSeconds = range(6 * 59 + 1, 10 * SECOND, MINUTE);
    const minutes = kept(aged(...everyTenSeconds));
    expect(minutes).toEqual(range(60, MINUTE, MINUTE));
  });

  it('keeps one per hour for the first day, one per day for 30 days, then one per week', () => {
    const hourly = kept(aged(...range(23 * 12, 5 * MINUTE, HOUR)));
    expect(hourly).toEqual(range(23, HOUR, HOUR));
    const daily = kept(aged(...range(29 * 4, 6 * HOUR, DAY)));
    expect(daily).toEqual(range(29, DAY, DAY));
    const weekly = kept(aged(...range(60, DAY, 31 * DAY)));
    expect(weekly).toEqual(range(9, 7 * DAY, 31 * DAY));
  });

  it('always keeps the newest, whatever its age, and whatever order it is given in', () => {
    expect(kept(aged(90 * DAY))).toEqual([90 * DAY]);
    expect(versionsToThin(aged(3 * SECOND, SECOND, 2 * SECOND), NOW)).toEqual(['-2000']);
    expect(versionsToThin([], NOW)).toEqual([]);
  });

  it('thins a long history to a few dozen versions, denser when recent', () => {
    // A save every minute for 40 days.
    const versions = aged(...range((40 * DAY) / MINUTE, MINUTE, MINUTE));
    const ages = kept(versions);
    expect(ages.length).toBeLessThan(150);
    expect(ages.filter((ago) => ago < HOUR).length).toBeGreaterThanOrEqual(59);
    expect(ages.filter((ago) => ago >= 30 * DAY).length).toBeLessThanOrEqual(2);
  });
});
