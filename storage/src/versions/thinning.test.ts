import { describe, expect, it } from 'vitest';
import { versionsToThin, type AgedVersion } from './thinning.ts';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** A Thursday, midnight UTC: the start of a 2-second, minute, hour, day and epoch week. */
const NOW = Date.parse('2026-06-04T00:00:00Z');

/** Versions written `ago` ms before NOW, named by their age. */
const aged = (...agos: number[]): AgedVersion[] => agos.map((ago) => ({ id: `${ago}`, writtenAt: NOW - ago }));
const kept = (versions: AgedVersion[], now = NOW) => {
  const dropped = new Set(versionsToThin(versions, now));
  return versions.filter((v) => !dropped.has(v.id)).map((v) => now - v.writtenAt);
};
const range = (count: number, every: number, from = 0) => Array.from({ length: count }, (_, i) => from + i * every);

describe(versionsToThin.name, () => {
  it('keeps one version per 2 s for the first 10 s, the newest of each', () => {
    expect(kept(aged(...range(10, SECOND, SECOND)))).toEqual([1, 3, 5, 7, 9].map((s) => s * SECOND));
  });

  it('keeps one per 10 s up to a minute, as Nextcloud does', () => {
    expect(kept(aged(...range(30, 2 * SECOND, 12 * SECOND)))).toEqual([12, 22, 32, 42, 52, 62].map((s) => s * SECOND));
  });

  it('keeps one per minute for the first hour', () => {
    expect(kept(aged(...range(354, 10 * SECOND, 61 * SECOND)))).toEqual(range(59, MINUTE, 61 * SECOND));
  });

  it('keeps one per hour for the first day, one per day for 30 days, then one per week', () => {
    expect(kept(aged(...range(23 * 12, 5 * MINUTE, HOUR)))).toEqual([HOUR, ...range(23, HOUR, HOUR + 5 * MINUTE)]);
    expect(kept(aged(...range(29 * 4, 6 * HOUR, DAY)))).toEqual([DAY, ...range(29, DAY, DAY + 6 * HOUR)]);
    expect(kept(aged(...range(60, DAY, 31 * DAY)))).toEqual([31 * DAY, ...range(8, 7 * DAY, 36 * DAY)]);
  });

  it('always keeps the newest, whatever its age, and whatever order it is given in', () => {
    expect(kept(aged(90 * DAY))).toEqual([90 * DAY]);
    expect(versionsToThin(aged(3 * SECOND, SECOND, 2 * SECOND), NOW)).toEqual([`${2 * SECOND}`]);
    expect(versionsToThin([], NOW)).toEqual([]);
  });

  it('keeps as much when run after every save as when run once: saves every 5 min for 120 days', () => {
    const every = 5 * MINUTE;
    const start = NOW - 120 * DAY;
    let incremental: AgedVersion[] = [];
    const all: AgedVersion[] = [];
    for (let t = start + every; t <= NOW; t += every) {
      const version = { id: `${t}`, writtenAt: t - every };
      all.push(version);
      incremental.push(version);
      const dropped = new Set(versionsToThin(incremental, t));
      incremental = incremental.filter((v) => !dropped.has(v.id));
    }
    const ages = kept(incremental);
    expect(ages).toEqual(kept(all));
    const within = (from: number, to: number) => ages.filter((age) => age >= from && age < to).length;
    // The newest version is the content replaced 5 min ago: every one of the first hour stays.
    expect(within(0, HOUR)).toBe(11);
    expect(within(HOUR, DAY)).toBe(23);
    expect(within(DAY, 30 * DAY)).toBe(29);
    expect(within(30 * DAY, Infinity)).toBeGreaterThanOrEqual(12);
    expect(ages.length).toBeLessThan(100);
  });
});
