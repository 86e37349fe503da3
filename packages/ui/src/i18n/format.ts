import { resolveLocale } from './translate.ts';

const UNITS = {
  fr: ['o', 'ko', 'Mo', 'Go', 'To'],
  en: ['B', 'kB', 'MB', 'GB', 'TB'],
} as const;

/**
 * A size for people, in decimal units (1 ko = 1000 octets, as the units' names say):
 * `formatBytes(10_080)` → « 10,08 ko », `formatBytes(33_110_000, 'en')` → "33.11 MB".
 * The space before the unit is a no-break space: a narrow column never puts them on two lines.
 */
export function formatBytes(bytes: number, locale = 'fr'): string {
  const units = UNITS[resolveLocale(locale)];
  let value = bytes;
  let unit = 0;
  while (unit < units.length - 1 && Math.round(Math.abs(value) * 100) / 100 >= 1000) {
    value /= 1000;
    unit++;
  }
  return `${numberFormat(resolveLocale(locale), unit === 0 ? 0 : 2).format(value)}\u00a0${units[unit]}`;
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
  return dateFormat(resolveLocale(locale), options).format(date);
}

/**
 * When something last changed, as the seed's « Notes récentes » say it: « 08 juin à 14:26 » this
 * year, « 28 nov. 2025 » before. `now` for tests.
 */
export function formatUpdated(iso: string, locale = 'fr', now = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.getFullYear() === now.getFullYear()
    ? formatDate(iso, locale, { day: '2-digit', month: 'long', hour: '2-digit', minute: '2-digit' })
    : formatDate(iso, locale);
}

// Making an Intl formatter costs far more than using one, and a long list formats a date and a
// size on every row it draws while scrolling: each formatter is made once.
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function numberFormat(locale: string, maximumFractionDigits: number): Intl.NumberFormat {
  const key = `${locale}|${maximumFractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(locale, { maximumFractionDigits })));
  return format;
}

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  return format;
}
