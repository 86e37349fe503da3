import { resolveLocale } from './translate.ts';

const UNITS = {
  fr: ['o', 'ko', 'Mo', 'Go', 'To'],
  en: ['B', 'kB', 'MB', 'GB', 'TB'],
} as const;

/**
 * A size for people, in decimal units (1 ko = 1000 octets, as the units' names say):
 * `formatBytes(10_080)` → « 10,08 ko », `formatBytes(33_110_000, 'en')` → "33.11 MB".
 * The space before the unit is a plain space.
 */
export function formatBytes(bytes: number, locale = 'fr'): string {
  const units = UNITS[resolveLocale(locale)];
  let value = bytes;
  let unit = 0;
  while (unit < units.length - 1 && Math.round(Math.abs(value) * 100) / 100 >= 1000) {
    value /= 1000;
    unit++;
  }
  const number = new Intl.NumberFormat(resolveLocale(locale), { maximumFractionDigits: unit === 0 ? 0 : 2 });
  return `${number.format(value)} ${units[unit]}`;
}

/**
 * A date for people, « 28 nov. 2026 » by default; give Intl options for more (time, time zone).
 * An unreadable date is returned as is.
 */
export function formatDate(
  iso: string,
  locale = 'fr',
  options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' },
): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(resolveLocale(locale), options).format(date);
}
